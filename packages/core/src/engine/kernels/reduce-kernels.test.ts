import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { hostTensor, maxRelativeError, runKernelOn } from './__fixtures__/kernel-harness.js';
import { reduceCaseArbitrary } from '../../testing/reduce-case-arbitrary.js';
import { registerTrainingKernels } from './register-training-kernels.js';
import { stockKernel } from './stock-kernels.js';

const backends = ['wasm', 'cpu'] as const;

beforeAll(async () => {
  for (const backend of backends) {
    await tf.setBackend(backend);
    registerTrainingKernels(backend);
  }
});
afterEach(() => vi.restoreAllMocks());

describe.each(backends)("Residual's Sum and Mean on %s (wasm: XNNPACK's average pooling; cpu: one matrix product with a column of ones)", (backend) => {
  it('match the stock cpu kernel over shapes, axis runs and keepDims', async () => {
    await fc.assert(
      fc.asyncProperty(reduceCaseArbitrary, fc.constantFrom('Sum', 'Mean'), async (c, name) => {
        const x = hostTensor(...c.x);
        const attrs = { axis: c.axis, keepDims: c.keepDims };
        const ours = await runKernelOn(backend, name, { x }, attrs);
        const stock = await runKernelOn('cpu', name, { x }, attrs, true);
        expect(ours.shape).toEqual(stock.shape);
        expect(maxRelativeError(ours, stock)).toBeLessThan(1e-5);
      }),
      { numRuns: 40 },
    );
  });

  it("reads batch norm's statistics and global average pooling in place, without the stock kernel", async () => {
    const cases = [
      { shape: [8, 16, 16, 12], axis: [0, 1, 2], keepDims: false, expected: [12] }, // batch norm
      { shape: [4, 8, 8, 24], axis: [1, 2], keepDims: true, expected: [4, 1, 1, 24] }, // global pooling
    ];
    for (const name of ['Sum', 'Mean']) {
      const stock = stockKernel(name, backend);
      if (stock === undefined) throw new Error(`no stock ${name} on ${backend}`);
      const spy = vi.spyOn(stock, 'kernelFunc');
      for (const c of cases) {
        const x = hostTensor(c.shape, 11);
        spy.mockClear();
        const ours = await runKernelOn(backend, name, { x }, { axis: c.axis, keepDims: c.keepDims });
        expect(spy).not.toHaveBeenCalled();
        const reference = await runKernelOn(backend, name, { x }, { axis: c.axis, keepDims: c.keepDims }, true);
        expect(ours.shape).toEqual(c.expected);
        expect(maxRelativeError(ours, reference)).toBeLessThan(1e-5);
      }
    }
  });

  it('hands the innermost axis, gaps between axes and int32 inputs to the stock kernel, bit for bit', async () => {
    const stock = stockKernel('Sum', backend);
    if (stock === undefined) throw new Error(`no stock Sum on ${backend}`);
    const spy = vi.spyOn(stock, 'kernelFunc');
    const x = hostTensor([3, 4, 5], 2);
    for (const attrs of [{ axis: [2], keepDims: false }, { axis: [0, 2], keepDims: true }]) {
      const ours = await runKernelOn(backend, 'Sum', { x }, attrs);
      const reference = await runKernelOn(backend, 'Sum', { x }, attrs, true);
      expect(ours).toEqual(reference);
    }
    await tf.setBackend(backend);
    const ints = tf.tensor([1, 2, 3, 4], [2, 2], 'int32');
    const sum = tf.sum(ints, 0);
    expect(sum.dtype).toBe('int32');
    expect(Array.from(await sum.data())).toEqual([4, 6]);
    tf.dispose([ints, sum]);
    expect(spy).toHaveBeenCalledTimes(5); // 2 × (ours + reference) + int32
  });

  it('frees its intermediates: no tensor or backend buffer is left behind', async () => {
    await tf.setBackend(backend);
    const x = tf.randomNormal([4, 6, 6, 8]);
    const tensors = tf.memory().numTensors;
    const buffers = tf.engine().backend.numDataIds();
    const mean = tf.mean(x, [0, 1, 2]);
    expect(tf.engine().backend.numDataIds()).toBe(buffers + 1);
    mean.dispose();
    expect(tf.memory().numTensors).toBe(tensors);
    expect(tf.engine().backend.numDataIds()).toBe(buffers);
    x.dispose();
  });
});
