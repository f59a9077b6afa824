import * as tf from '@tensorflow/tfjs-core';
import type { Conv2DBackpropFilterAttrs } from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostTensor, maxRelativeError, runKernelOn } from '../__fixtures__/kernel-harness.js';
import { registerTrainingKernels } from '../register-training-kernels.js';
import { convCases } from '../../../testing/conv-case-arbitrary.js';
import { filterGradientSimd } from './filter-gradient.js';

/** Convolutions the SIMD kernel takes: Cin a multiple of 4, Cout of 8, any size, stride and padding. */
const simdCase = convCases({ maxSide: 9, inChannels: [4, 8, 12], outChannels: [8, 16] });

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.setBackend('wasm');
  registerTrainingKernels('wasm');
});

describe('the SIMD filter gradient on wasm', () => {
  it('matches the stock cpu Conv2DBackpropFilter over shapes, kernel sizes, strides and paddings', async () => {
    await fc.assert(
      fc.asyncProperty(simdCase, async (c) => {
        const info = tf.backend_util.computeConv2DInfo([c.batch, c.height, c.width, c.inChannels], [c.filterHeight, c.filterWidth, c.inChannels, c.outChannels], [c.strideHeight, c.strideWidth], 1, c.pad);
        const x = hostTensor([c.batch, c.height, c.width, c.inChannels], c.seed);
        const dy = hostTensor([c.batch, info.outHeight, info.outWidth, c.outChannels], c.seed + 1);
        const attrs = { strides: [c.strideHeight, c.strideWidth], pad: c.pad, dataFormat: 'NHWC', filterShape: [c.filterHeight, c.filterWidth, c.inChannels, c.outChannels] };
        const ours = await runKernelOn('wasm', 'Conv2DBackpropFilter', { x, dy }, attrs);
        const reference = await runKernelOn('cpu', 'Conv2DBackpropFilter', { x, dy }, attrs, true);
        expect(ours.shape).toEqual(reference.shape);
        expect(maxRelativeError(ours, reference)).toBeLessThan(1e-5);
      }),
      { numRuns: 60 },
    );
  });

  it('takes those cases itself, and leaves Cin or Cout off its tile and NCHW to the fallback', async () => {
    await tf.setBackend('wasm');
    const attrs = (filterShape: [number, number, number, number], dataFormat: 'NHWC' | 'NCHW' = 'NHWC') =>
      ({ strides: [1, 1], pad: 'same', dataFormat, filterShape, dimRoundingMode: undefined }) as unknown as Conv2DBackpropFilterAttrs;
    const x = tf.randomNormal([2, 5, 5, 8]);
    const dy = tf.randomNormal([2, 5, 5, 16]);
    const taken = filterGradientSimd(tf.backend(), x, dy, attrs([3, 3, 8, 16]));
    expect(taken?.shape).toEqual([3, 3, 8, 16]);
    if (taken !== undefined) tf.backend().disposeData(taken.dataId);
    expect(filterGradientSimd(tf.backend(), x, tf.randomNormal([2, 5, 5, 12]), attrs([3, 3, 8, 12]))).toBeUndefined();
    expect(filterGradientSimd(tf.backend(), tf.randomNormal([2, 5, 5, 6]), dy, attrs([3, 3, 6, 16]))).toBeUndefined();
    expect(filterGradientSimd(tf.backend(), x, dy, attrs([3, 3, 8, 16], 'NCHW'))).toBeUndefined();
  });
});
