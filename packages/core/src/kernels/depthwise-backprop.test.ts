import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostTensor, maxRelativeError, runKernelOn } from './__fixtures__/kernel-harness.js';
import { registerTrainingKernels } from './register-training-kernels.js';

/** A depthwise convolution with a non-empty output; numeric padding with square kernels and equal strides (TF.js's rule). */
const depthwiseCase = fc
  .record({
    batch: fc.integer({ min: 1, max: 2 }),
    height: fc.integer({ min: 1, max: 7 }),
    width: fc.integer({ min: 1, max: 7 }),
    channels: fc.integer({ min: 1, max: 4 }),
    multiplier: fc.integer({ min: 1, max: 3 }),
    kernelHeight: fc.integer({ min: 1, max: 4 }),
    kernelWidth: fc.integer({ min: 1, max: 4 }),
    stride: fc.constantFrom(1, 2),
    strideWidth: fc.constantFrom(1, 2),
    pad: fc.oneof(fc.constantFrom<'same' | 'valid'>('same', 'valid'), fc.integer({ min: 0, max: 2 })),
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  })
  .map((c) => (typeof c.pad === 'number' ? { ...c, kernelWidth: c.kernelHeight, strideWidth: c.stride } : c))
  // TF.js's depthwise ops allow strides > 1 only with dilation 1 and vice versa; we test dilation 1.
  .filter((c) => {
    const info = tf.backend_util.computeConv2DInfo(
      [c.batch, c.height, c.width, c.channels],
      [c.kernelHeight, c.kernelWidth, c.channels, c.multiplier],
      [c.stride, c.strideWidth],
      1,
      c.pad,
      undefined,
      true,
    );
    return info.outHeight > 0 && info.outWidth > 0;
  });

beforeAll(async () => {
  await tf.setBackend('wasm');
  registerTrainingKernels('wasm');
});

describe('depthwise convolution gradients on wasm (which ships none)', () => {
  it('DepthwiseConv2dNativeBackpropFilter equals the cpu reference', async () => {
    await fc.assert(
      fc.asyncProperty(depthwiseCase, async (c) => {
        const filterShape = [c.kernelHeight, c.kernelWidth, c.channels, c.multiplier];
        const info = tf.backend_util.computeConv2DInfo([c.batch, c.height, c.width, c.channels], filterShape as [number, number, number, number], [c.stride, c.strideWidth], 1, c.pad, undefined, true);
        const inputs = { x: hostTensor([c.batch, c.height, c.width, c.channels], c.seed), dy: hostTensor(info.outShape, c.seed + 1) };
        const attrs = { strides: [c.stride, c.strideWidth], dilations: 1, pad: c.pad, filterShape };
        const ours = await runKernelOn('wasm', 'DepthwiseConv2dNativeBackpropFilter', inputs, attrs);
        const reference = await runKernelOn('cpu', 'DepthwiseConv2dNativeBackpropFilter', inputs, attrs, true);
        expect(ours.shape).toEqual(filterShape);
        expect(maxRelativeError(ours, reference)).toBeLessThan(1e-5);
      }),
      { numRuns: 80 },
    );
  });

  it('DepthwiseConv2dNativeBackpropInput equals the cpu reference', async () => {
    await fc.assert(
      fc.asyncProperty(depthwiseCase, async (c) => {
        const filterShape = [c.kernelHeight, c.kernelWidth, c.channels, c.multiplier];
        const xShape = [c.batch, c.height, c.width, c.channels];
        const info = tf.backend_util.computeConv2DInfo(xShape as [number, number, number, number], filterShape as [number, number, number, number], [c.stride, c.strideWidth], 1, c.pad, undefined, true);
        const inputs = { dy: hostTensor(info.outShape, c.seed), filter: hostTensor(filterShape, c.seed + 1) };
        const attrs = { strides: [c.stride, c.strideWidth], dilations: 1, pad: c.pad, inputShape: xShape };
        const ours = await runKernelOn('wasm', 'DepthwiseConv2dNativeBackpropInput', inputs, attrs);
        const reference = await runKernelOn('cpu', 'DepthwiseConv2dNativeBackpropInput', inputs, attrs, true);
        expect(ours.shape).toEqual(xShape);
        expect(maxRelativeError(ours, reference)).toBeLessThan(1e-5);
      }),
      { numRuns: 80 },
    );
  });
});
