import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { hostTensor, maxRelativeError, runKernelOn, type HostTensor } from '../__fixtures__/kernel-harness.js';
import { registerTrainingKernels } from '../register-training-kernels.js';
import { convCases } from '../../../testing/conv-case-arbitrary.js';
import { stockKernel } from '../stock-kernels.js';

/** Convolutions with Cout (forward) or Cin (input gradient) a multiple of 8: sizes, kernels, strides, paddings. */
const convCase = convCases({ maxSide: 11, inChannels: [1, 3, 8, 16], outChannels: [8, 16], activations: ['linear', 'relu'] });

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.setBackend('wasm');
  registerTrainingKernels('wasm');
});
afterEach(() => vi.restoreAllMocks());

describe("Residual's SIMD convolution on wasm (one thread)", () => {
  it('FusedConv2D (bias, ReLU) matches the stock cpu kernel over sizes, kernels, strides and paddings', async () => {
    await fc.assert(
      fc.asyncProperty(convCase, async (c) => {
        const inputs: Record<string, HostTensor> = {
          x: hostTensor([c.batch, c.height, c.width, c.inChannels], c.seed),
          filter: hostTensor([c.filterHeight, c.filterWidth, c.inChannels, c.outChannels], c.seed + 1),
        };
        if (c.bias) inputs['bias'] = hostTensor([c.outChannels], c.seed + 2);
        const attrs = { strides: [c.strideHeight, c.strideWidth], pad: c.pad, dataFormat: 'NHWC', dilations: [1, 1], activation: c.activation };
        const ours = await runKernelOn('wasm', 'FusedConv2D', inputs, attrs);
        const reference = await runKernelOn('cpu', 'FusedConv2D', inputs, attrs, true);
        expect(ours.shape).toEqual(reference.shape);
        expect(maxRelativeError(ours, reference)).toBeLessThan(1e-5);
      }),
      { numRuns: 60 },
    );
  });

  it('Conv2DBackpropInput matches the stock cpu kernel (its own kernel at stride 1, the fallback at others)', async () => {
    await fc.assert(
      fc.asyncProperty(convCase, async (c) => {
        // The input gradient's channels are the forward input's: a multiple of 8 for the SIMD path.
        const inChannels = c.outChannels;
        const info = tf.backend_util.computeConv2DInfo([c.batch, c.height, c.width, inChannels], [c.filterHeight, c.filterWidth, inChannels, c.inChannels], [c.strideHeight, c.strideWidth], 1, c.pad);
        const inputs = {
          dy: hostTensor([c.batch, info.outHeight, info.outWidth, c.inChannels], c.seed),
          filter: hostTensor([c.filterHeight, c.filterWidth, inChannels, c.inChannels], c.seed + 1),
        };
        const attrs = { strides: [c.strideHeight, c.strideWidth], pad: c.pad, dataFormat: 'NHWC', inputShape: [c.batch, c.height, c.width, inChannels] };
        const ours = await runKernelOn('wasm', 'Conv2DBackpropInput', inputs, attrs);
        const reference = await runKernelOn('cpu', 'Conv2DBackpropInput', inputs, attrs, true);
        expect(ours.shape).toEqual(reference.shape);
        expect(maxRelativeError(ours, reference)).toBeLessThan(1e-5);
      }),
      { numRuns: 60 },
    );
  });

  it("runs FusedConv2D itself when Cout is a multiple of 8, and XNNPACK's otherwise", async () => {
    const stock = stockKernel('FusedConv2D', 'wasm');
    if (stock === undefined) throw new Error('no stock FusedConv2D on wasm');
    const spy = vi.spyOn(stock, 'kernelFunc');
    const attrs = { strides: [1, 1], pad: 'same', dataFormat: 'NHWC', dilations: [1, 1], activation: 'relu' };
    await runKernelOn('wasm', 'FusedConv2D', { x: hostTensor([1, 5, 5, 3], 1), filter: hostTensor([3, 3, 3, 8], 2) }, attrs);
    expect(spy).not.toHaveBeenCalled();
    await runKernelOn('wasm', 'FusedConv2D', { x: hostTensor([1, 5, 5, 3], 1), filter: hostTensor([3, 3, 3, 6], 2) }, attrs);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it("runs Conv2DBackpropInput itself at stride 1, without XNNPACK's Conv2D", async () => {
    const conv = tf.getKernel('Conv2D', 'wasm');
    if (conv === undefined) throw new Error('no Conv2D on wasm');
    const spy = vi.spyOn(conv, 'kernelFunc');
    const attrs = { strides: [1, 1], pad: 'same', dataFormat: 'NHWC', inputShape: [2, 6, 6, 8] };
    await runKernelOn('wasm', 'Conv2DBackpropInput', { dy: hostTensor([2, 6, 6, 4], 1), filter: hostTensor([3, 3, 8, 4], 2) }, attrs);
    expect(spy).not.toHaveBeenCalled();
    await runKernelOn('wasm', 'Conv2DBackpropInput', { dy: hostTensor([2, 3, 3, 4], 1), filter: hostTensor([3, 3, 8, 4], 2) }, { ...attrs, strides: [2, 2] });
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
