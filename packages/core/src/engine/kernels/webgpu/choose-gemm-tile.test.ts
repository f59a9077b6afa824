import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseGemmTile } from './choose-gemm-tile.js';
import { planFilterSplit } from './conv2d-backprop-filter-program.js';
import { gemmTiles } from './gemm-tile.js';
import { configureWebGpuConv, resetWebGpuConvOptions, webGpuConvOptions } from './webgpu-conv-options.js';

afterEach(() => resetWebGpuConvOptions());

const launched = (rows: number, cols: number, tile: { rows: number; cols: number }) =>
  Math.ceil(rows / tile.rows) * Math.ceil(cols / tile.cols);

describe('chooseGemmTile', () => {
  it('launches the target when some tile can, and never uses a tile twice the size of the matrix', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 20 }), fc.integer({ min: 1, max: 1024 }), fc.integer({ min: 1, max: 4096 }), (rows, cols, target) => {
        const tile = chooseGemmTile(rows, cols, target);
        // The smallest tile launches the most workgroups: when even it cannot reach the target, nothing can.
        if (launched(rows, cols, gemmTiles.small) >= target) expect(launched(rows, cols, tile)).toBeGreaterThanOrEqual(target);
        expect(tile.rows).toBeLessThanOrEqual(Math.max(32, 2 * rows));
        expect(tile.cols).toBeLessThanOrEqual(Math.max(32, 2 * cols));
      }),
    );
  });

  it('picks the 128×64 tile for a CIFAR ResNet stage-1 convolution at batch 256, and obeys a forced tile', () => {
    expect(chooseGemmTile(256 * 32 * 32, 64)).toBe(gemmTiles.tall);
    configureWebGpuConv({ tile: 'wide' });
    expect(chooseGemmTile(256 * 32 * 32, 64)).toBe(gemmTiles.wide);
  });
});

describe('planFilterSplit', () => {
  it('splits the 262,144-term sum of a 3×3×64×64 layer at 32×32, batch 256, 103 ways for 5 tiles of 128×64', () => {
    const layer = {
      batch: 256, inHeight: 32, inWidth: 32, inChannels: 64, outHeight: 32, outWidth: 32, outChannels: 64,
      filterHeight: 3, filterWidth: 3, strideHeight: 1, strideWidth: 1, padTop: 1, padLeft: 1,
    };
    // 576 filter rows → ⌈576 / 128⌉ = 5 tiles; ⌈512 / 5⌉ = 103 splits reach the 512-workgroup target.
    expect(planFilterSplit(layer)).toEqual({ tile: gemmTiles.tall, splits: 103, chunk: 2560 });
  });

  const geometry = fc.record({
    batch: fc.integer({ min: 1, max: 512 }),
    inHeight: fc.constant(1),
    inWidth: fc.constant(1),
    inChannels: fc.integer({ min: 1, max: 512 }),
    outHeight: fc.integer({ min: 1, max: 64 }),
    outWidth: fc.integer({ min: 1, max: 64 }),
    outChannels: fc.integer({ min: 1, max: 512 }),
    filterHeight: fc.integer({ min: 1, max: 7 }),
    filterWidth: fc.integer({ min: 1, max: 7 }),
    strideHeight: fc.constant(1),
    strideWidth: fc.constant(1),
    padTop: fc.constant(0),
    padLeft: fc.constant(0),
  });

  it('covers the whole sum once, in whole tile steps, within the scratch budget', () => {
    fc.assert(
      fc.property(geometry, (g) => {
        const { tile, splits, chunk } = planFilterSplit(g);
        const inner = g.batch * g.outHeight * g.outWidth;
        const options = webGpuConvOptions();
        expect(chunk % tile.depth).toBe(0);
        expect(splits * chunk).toBeGreaterThanOrEqual(inner);
        expect((splits - 1) * chunk).toBeLessThan(inner);
        if (splits > 1) {
          expect(chunk).toBeGreaterThanOrEqual(options.minSplitDepth);
          expect(splits * g.filterHeight * g.filterWidth * g.inChannels * g.outChannels * 4).toBeLessThanOrEqual(options.maxSplitBytes);
        }
      }),
    );
  });
});

describe('configureWebGpuConv', () => {
  it('returns the options it replaced, to restore them', () => {
    const before = configureWebGpuConv({ targetWorkgroups: 64 });
    expect(webGpuConvOptions().targetWorkgroups).toBe(64);
    configureWebGpuConv(before);
    expect(webGpuConvOptions()).toEqual(before);
  });

  it('names the option and the fix when a value is wrong', () => {
    expect(() => configureWebGpuConv({ minSplitDepth: 0 })).toThrow(
      'configureWebGpuConv: minSplitDepth must be a positive integer, but got 0. Pass e.g. 256.',
    );
    expect(() => configureWebGpuConv({ tile: 'huge' as 'small' })).toThrow(
      'configureWebGpuConv: tile must be one of small, medium, tall, wide, large or undefined, but got "huge". Leave it out to choose per shape.',
    );
  });
});
