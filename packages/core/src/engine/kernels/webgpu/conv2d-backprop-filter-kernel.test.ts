import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { convCaseArbitrary } from '../../../testing/conv-case-arbitrary.js';
import { setUpWebGpuForTests } from './__fixtures__/webgpu-test-backend.js';
import { compareConvKernel, type ConvCase } from '../../../testing/compare-conv-kernel.js';
import { planFilterSplit } from './conv2d-backprop-filter-program.js';
import { convGeometry } from './conv-geometry.js';
import * as tf from '@tensorflow/tfjs-core';
import { gemmTileNames } from './gemm-tile.js';
import { releaseWebGpuBackend } from './release-webgpu-backend.js';
import { configureWebGpuConv, resetWebGpuConvOptions } from './webgpu-conv-options.js';

const gpu = await setUpWebGpuForTests('Conv2DBackpropFilter on webgpu');
afterAll(() => releaseWebGpuBackend());
afterEach(() => resetWebGpuConvOptions());

/** A layer with 3·3·12 = 108 filter rows, 20 columns and a 3·9·9 = 243-term sum. */
const layer: ConvCase = {
  batch: 3, height: 9, width: 9, inChannels: 12, outChannels: 20, filterHeight: 3, filterWidth: 3,
  strideHeight: 1, strideWidth: 1, pad: 'same', seed: 5,
};

/** How many splits the plan makes for a case under the options in force. */
function splitsOf(c: ConvCase): number {
  const info = tf.backend_util.computeConv2DInfo(
    [c.batch, c.height, c.width, c.inChannels],
    [c.filterHeight, c.filterWidth, c.inChannels, c.outChannels],
    [c.strideHeight, c.strideWidth],
    1,
    c.pad,
  );
  const geometry = convGeometry(info);
  if (typeof geometry === 'string') throw new Error(geometry);
  return planFilterSplit(geometry).splits;
}

describe.skipIf(!gpu.available)('Conv2DBackpropFilter on webgpu (implicit GEMM, split sum) against the cpu backend', () => {
  it('matches over shapes, strides, paddings and ways of splitting the sum', async () => {
    const splitOptions = fc.record({
      minSplitDepth: fc.constantFrom(1, 5, 16, 10 ** 9),
      targetWorkgroups: fc.constantFrom(1, 8, 512),
      prefetch: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(convCaseArbitrary, splitOptions, async (c, options) => {
        configureWebGpuConv({ ...options, tile: 'small' }); // the cheapest shader to compile on a software adapter
        const result = await compareConvKernel('Conv2DBackpropFilter', c);
        expect(result.ranResidual).toBe(true);
        expect(result.maxError).toBeLessThan(1e-5);
      }),
      { numRuns: 12 },
    );
  });

  it('sums in one pass or in splits, with the same numbers', async () => {
    configureWebGpuConv({ tile: 'small', minSplitDepth: 10 ** 9 });
    expect(splitsOf(layer)).toBe(1);
    const whole = await compareConvKernel('Conv2DBackpropFilter', layer);
    configureWebGpuConv({ minSplitDepth: 16, targetWorkgroups: 64 });
    expect(splitsOf(layer)).toBeGreaterThan(1);
    const split = await compareConvKernel('Conv2DBackpropFilter', layer);
    for (const result of [whole, split]) {
      expect(result.outputShape).toEqual([3, 3, 12, 20]);
      expect(result.ranResidual).toBe(true);
      expect(result.maxError).toBeLessThan(1e-5);
    }
  });

  it.each(gemmTileNames.map((tile, i) => [tile, i % 2 === 1] as const))('gives the same numbers with the %s tile (prefetch %s)', async (tile, prefetch) => {
    configureWebGpuConv({ prefetch, tile, minSplitDepth: 64 });
    const result = await compareConvKernel('Conv2DBackpropFilter', { ...layer, strideHeight: 2, pad: 1, inChannels: 5 });
    expect(result.ranResidual).toBe(true);
    expect(result.maxError).toBeLessThan(1e-5);
  });
});
