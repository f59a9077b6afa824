import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { convCaseArbitrary } from '../../../testing/conv-case-arbitrary.js';
import { setUpWebGpuForTests } from './__fixtures__/webgpu-test-backend.js';
import { compareConvKernel, type ConvCase } from '../../../testing/compare-conv-kernel.js';
import { gemmTileNames } from './gemm-tile.js';
import { releaseWebGpuBackend } from './release-webgpu-backend.js';
import { stockWebGpuKernel } from './stock-webgpu-kernels.js';
import { configureWebGpuConv, resetWebGpuConvOptions } from './webgpu-conv-options.js';

const gpu = await setUpWebGpuForTests('Conv2DBackpropInput on webgpu');
afterAll(() => releaseWebGpuBackend());
afterEach(() => resetWebGpuConvOptions());

/** A strided layer whose 2·9·9 = 162 input rows and 20 channels cross tile edges. */
const strided: ConvCase = {
  batch: 2, height: 9, width: 9, inChannels: 20, outChannels: 12, filterHeight: 3, filterWidth: 3,
  strideHeight: 2, strideWidth: 2, pad: 'same', seed: 11,
};

describe.skipIf(!gpu.available)('Conv2DBackpropInput on webgpu (implicit GEMM) against the cpu backend', () => {
  it('matches over shapes, strides 1–3 and same / valid / numeric padding', async () => {
    await fc.assert(
      fc.asyncProperty(convCaseArbitrary, fc.boolean(), async (c, prefetch) => {
        configureWebGpuConv({ tile: 'small', prefetch }); // the cheapest shader to compile on a software adapter
        const result = await compareConvKernel('Conv2DBackpropInput', c);
        expect(result.ranResidual).toBe(true);
        expect(result.maxError).toBeLessThan(1e-5);
      }),
      { numRuns: 12 },
    );
  });

  it.each(gemmTileNames.map((tile, i) => [tile, i % 2 === 1] as const))('gives the same numbers with the %s tile (prefetch %s)', async (tile, prefetch) => {
    configureWebGpuConv({ prefetch, tile });
    const result = await compareConvKernel('Conv2DBackpropInput', strided);
    expect(result.outputShape).toEqual([2, 9, 9, 20]);
    expect(result.ranResidual).toBe(true);
    expect(result.maxError).toBeLessThan(1e-5);
  });

  it('replaces the stock kernel, which it keeps for cases it does not cover', () => {
    expect(tf.getKernel('Conv2DBackpropInput', 'webgpu')).not.toBe(stockWebGpuKernel('Conv2DBackpropInput'));
    expect(stockWebGpuKernel('Conv2DBackpropInput')?.backendName).toBe('webgpu');
  });
});
