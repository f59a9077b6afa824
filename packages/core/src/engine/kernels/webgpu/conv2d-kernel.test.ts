import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { convCaseArbitrary } from '../../../testing/conv-case-arbitrary.js';
import { setUpWebGpuForTests } from './__fixtures__/webgpu-test-backend.js';
import { compareConvKernel, type ConvCase } from '../../../testing/compare-conv-kernel.js';
import { epilogueActivations } from './epilogue-wgsl.js';
import { gemmTileNames } from './gemm-tile.js';
import { releaseWebGpuBackend } from './release-webgpu-backend.js';
import { webGpuKernelCounts } from './stock-webgpu-kernels.js';
import { configureWebGpuConv, resetWebGpuConvOptions } from './webgpu-conv-options.js';

const gpu = await setUpWebGpuForTests('Conv2D / FusedConv2D on webgpu');
afterAll(() => releaseWebGpuBackend());
afterEach(() => resetWebGpuConvOptions());

/** Crosses every tile edge: 2·10·10 = 200 rows, 36 columns, 3·3·20 = 180 inner steps. */
const wide: ConvCase = {
  batch: 2, height: 10, width: 10, inChannels: 20, outChannels: 36, filterHeight: 3, filterWidth: 3,
  strideHeight: 1, strideWidth: 1, pad: 'same', seed: 7,
};

describe.skipIf(!gpu.available)('Conv2D and FusedConv2D on webgpu (implicit GEMM) against the cpu backend', () => {
  it('Conv2D matches over shapes, strides 1–3 and same / valid / numeric padding', async () => {
    await fc.assert(
      fc.asyncProperty(convCaseArbitrary, fc.boolean(), async (c, prefetch) => {
        configureWebGpuConv({ tile: 'small', prefetch }); // the cheapest shader to compile on a software adapter
        const result = await compareConvKernel('Conv2D', c);
        expect(result.ranResidual).toBe(true);
        expect(result.maxError).toBeLessThan(1e-5);
      }),
      { numRuns: 12 },
    );
  });

  it('FusedConv2D adds the bias and applies each activation before the store', async () => {
    configureWebGpuConv({ tile: 'small' });
    await fc.assert(
      fc.asyncProperty(convCaseArbitrary, fc.boolean(), async (c, prefetch) => {
        configureWebGpuConv({ tile: 'small', prefetch });
        const result = await compareConvKernel('FusedConv2D', c);
        expect(result.ranResidual).toBe(true);
        expect(result.maxError).toBeLessThan(1e-5);
      }),
      { numRuns: 6 },
    );
    for (const activation of epilogueActivations) {
      const result = await compareConvKernel('FusedConv2D', { ...wide, activation, bias: true });
      expect({ activation, ok: result.ranResidual && result.maxError < 1e-5 }).toEqual({ activation, ok: true });
    }
  });

  it.each(gemmTileNames.map((tile, i) => [tile, i % 2 === 1] as const))('gives the same numbers with the %s tile (prefetch %s)', async (tile, prefetch) => {
    configureWebGpuConv({ prefetch, tile });
    const result = await compareConvKernel('Conv2D', { ...wide, strideHeight: 2, pad: 'valid' });
    expect(result.outputShape).toEqual([2, 4, 8, 36]);
    expect(result.ranResidual).toBe(true);
    expect(result.maxError).toBeLessThan(1e-5);
  });

  it('hands a dilated convolution to the stock kernel, with the same numbers as cpu', async () => {
    const run = async (backend: string) => {
      await tf.setBackend(backend);
      const x = tf.tensor4d(Array.from({ length: 2 * 7 * 7 * 3 }, (_, i) => Math.sin(i)), [2, 7, 7, 3]); // [N, H, W, C]
      const w = tf.tensor4d(Array.from({ length: 3 * 3 * 3 * 4 }, (_, i) => Math.cos(i)), [3, 3, 3, 4]);
      const y = tf.conv2d(x, w, 1, 'same', 'NHWC', 2);
      const values = Array.from(await y.data());
      tf.dispose([x, w, y]);
      return values;
    };
    const expected = await run('cpu');
    const before = webGpuKernelCounts()['Conv2D'] ?? { residual: 0, stock: 0 };
    const actual = await run('webgpu');
    expect(webGpuKernelCounts()['Conv2D']).toEqual({ residual: before.residual, stock: before.stock + 1 });
    expect(actual.map((value, i) => Math.abs(value - (expected[i] ?? 0))).every((difference) => difference < 1e-4)).toBe(true);
  });
});
