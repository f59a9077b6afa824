import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { residualConv2d, type ResidualConv2dArgs } from '../../ops/residual-conv2d.js';
import { convCaseArbitrary } from '../../../testing/conv-case-arbitrary.js';
import { setUpWebGpuForTests } from './__fixtures__/webgpu-test-backend.js';
import { compareResidualConv2d, type ConvCase } from '../../../testing/compare-conv-kernel.js';
import { maxRelativeError } from '../../../testing/compare-kernel.js';
import { releaseWebGpuBackend } from './release-webgpu-backend.js';
import { webGpuKernelCounts } from './stock-webgpu-kernels.js';
import { configureWebGpuConv, resetWebGpuConvOptions } from './webgpu-conv-options.js';

const gpu = await setUpWebGpuForTests('ResidualConv2D on webgpu');
afterAll(() => releaseWebGpuBackend());
afterEach(() => resetWebGpuConvOptions());

type Activation = ResidualConv2dArgs['activation'];

/** A dilated `residualConv2d` on `backend` (the program does not cover dilation), inputs drawn from the case's seed. */
async function dilated(backend: string, c: ConvCase, activation: Activation, dilation: number): Promise<{ shape: number[]; data: Float32Array }> {
  await tf.setBackend(backend);
  const strides: [number, number] = [c.strideHeight, c.strideWidth];
  const dilations: [number, number] = [dilation, dilation];
  const x = tf.randomUniform([c.batch, c.height, c.width, c.inChannels], -1, 1, 'float32', c.seed) as tf.Tensor4D; // [N, H, W, C]
  const filter = tf.randomUniform([c.filterHeight, c.filterWidth, c.inChannels, c.outChannels], -1, 1, 'float32', c.seed + 1) as tf.Tensor4D;
  const bias = c.bias === true ? (tf.randomUniform([c.outChannels], -1, 1, 'float32', c.seed + 2) as tf.Tensor1D) : null;
  const outShape = tf.backend_util.computeConv2DInfo(x.shape, filter.shape, strides, dilations, c.pad).outShape;
  const residual = tf.randomUniform(outShape, -2, 2, 'float32', c.seed + 3) as tf.Tensor4D; // [N, H′, W′, C′]
  const y = residualConv2d({ x, filter, bias, residual, strides, pad: c.pad, dilations, activation });
  const result = { shape: y.shape, data: (await y.data()) as Float32Array };
  tf.dispose([x, filter, residual, y, ...(bias === null ? [] : [bias])]);
  return result;
}

const ran = () => webGpuKernelCounts()['ResidualConv2D'] ?? { residual: 0, stock: 0 };

describe.skipIf(!gpu.available)('ResidualConv2D on webgpu against conv + add + ReLU on the cpu backend', () => {
  it('adds the bias and the residual and applies the ReLU in the store, over shapes, strides and paddings', async () => {
    await fc.assert(
      fc.asyncProperty(convCaseArbitrary, fc.constantFrom<Activation>('linear', 'relu'), fc.boolean(), async (c, activation, prefetch) => {
        configureWebGpuConv({ tile: 'small', prefetch }); // the cheapest shader to compile on a software adapter
        const result = await compareResidualConv2d({ ...c, activation });
        expect(result.ranResidual).toBe(true);
        expect(result.maxError).toBeLessThan(1e-5);
      }),
      { numRuns: 10 },
    );
  });

  it('runs a dilated convolution as three kernels, with the same numbers', async () => {
    const c: ConvCase = {
      batch: 2, height: 7, width: 7, inChannels: 3, outChannels: 4, filterHeight: 3, filterWidth: 3,
      strideHeight: 1, strideWidth: 1, pad: 'same', bias: true, seed: 11,
    };
    const expected = await dilated('cpu', c, 'relu', 2);
    const before = ran();
    const actual = await dilated('webgpu', c, 'relu', 2);
    expect(ran()).toEqual({ residual: before.residual, stock: before.stock + 1 });
    expect(maxRelativeError(actual.data, expected.data)).toBeLessThan(1e-5);
  });
});
