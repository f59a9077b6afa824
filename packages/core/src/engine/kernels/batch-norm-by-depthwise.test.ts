import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { hostTensor, maxRelativeError, runKernelOn, type HostTensor } from './__fixtures__/kernel-harness.js';
import { registerTrainingKernels } from './register-training-kernels.js';
import { stockKernel } from './stock-kernels.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.setBackend('wasm');
  registerTrainingKernels('wasm');
});
afterEach(() => vi.restoreAllMocks());

/** Batch norm inputs of rank 1–4 with per-channel (or one-value) statistics, optional scale/offset. */
const batchNormCase = fc
  .record({
    shape: fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 4 }),
    oneValue: fc.record({ mean: fc.boolean(), variance: fc.boolean(), scale: fc.boolean(), offset: fc.boolean() }),
    withScale: fc.boolean(),
    offset: fc.constantFrom('none', 'channel', 'full'),
    epsilon: fc.constantFrom(1e-5, 1e-3, 1),
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  })
  .map((c) => {
    const channels = c.shape[c.shape.length - 1] ?? 1;
    // TF.js's kernels need the statistics, scale and offset at one rank: [C] beside a [C] offset,
    // x's rank ([1, …, 1, C]) beside a full-size one (as multiplyAdd passes them).
    const leading = c.offset === 'full' ? new Array<number>(c.shape.length - 1).fill(1) : [];
    const param = (one: boolean, seed: number, positive = false): HostTensor => {
      const t = hostTensor([...leading, one ? 1 : channels], c.seed + seed);
      return positive ? { ...t, data: t.data.map((v) => Math.abs(v) + 0.1) } : t;
    };
    const inputs: Record<string, HostTensor> = {
      x: hostTensor(c.shape, c.seed),
      mean: param(c.oneValue.mean, 1),
      variance: param(c.oneValue.variance, 2, true),
    };
    if (c.withScale) inputs['scale'] = param(c.oneValue.scale, 3);
    if (c.offset === 'channel') inputs['offset'] = param(c.oneValue.offset, 4);
    if (c.offset === 'full') inputs['offset'] = hostTensor(c.shape, c.seed + 5);
    return { inputs, epsilon: c.epsilon };
  });

describe('FusedBatchNorm on wasm as one 1×1 depthwise convolution', () => {
  it("matches the stock cpu kernel over ranks, shapes, one-value statistics, scale and offset (per channel or full-size)", async () => {
    await fc.assert(
      fc.asyncProperty(batchNormCase, async ({ inputs, epsilon }) => {
        const attrs = { varianceEpsilon: epsilon };
        const ours = await runKernelOn('wasm', 'FusedBatchNorm', inputs, attrs);
        const stock = await runKernelOn('cpu', 'FusedBatchNorm', inputs, attrs, true);
        expect(ours.shape).toEqual(stock.shape);
        expect(maxRelativeError(ours, stock)).toBeLessThan(1e-5);
      }),
      { numRuns: 60 },
    );
  });

  it('runs batch norm and multiplyAdd without the stock loop, and hands other shapes to it', async () => {
    const stock = stockKernel('FusedBatchNorm', 'wasm');
    if (stock === undefined) throw new Error('no stock FusedBatchNorm on wasm');
    const spy = vi.spyOn(stock, 'kernelFunc');
    const x = hostTensor([2, 4, 4, 3], 7);
    await runKernelOn('wasm', 'FusedBatchNorm', { x, mean: hostTensor([3], 1), variance: { shape: [3], data: new Float32Array([1, 2, 3]) } }, { varianceEpsilon: 1e-5 });
    await runKernelOn('wasm', 'FusedBatchNorm', { x, mean: hostTensor([1], 1), variance: hostTensor([1], 1), offset: hostTensor([2, 4, 4, 3], 2) }, { varianceEpsilon: 1 });
    expect(spy).not.toHaveBeenCalled();
    const fullMean = { x, mean: hostTensor([2, 4, 4, 3], 3), variance: { shape: [3], data: new Float32Array([1, 2, 3]) } };
    const ours = await runKernelOn('wasm', 'FusedBatchNorm', fullMean, { varianceEpsilon: 1e-5 });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(ours).toEqual(await runKernelOn('wasm', 'FusedBatchNorm', fullMean, { varianceEpsilon: 1e-5 }, true));
  });

  it('frees its folded filter and bias: no backend buffer is left behind', async () => {
    await tf.setBackend('wasm');
    const x = tf.randomNormal([4, 6, 6, 8]);
    const [mean, variance] = [tf.zeros([8]), tf.ones([8])];
    const buffers = tf.engine().backend.numDataIds();
    const y = tf.batchNorm(x, mean, variance);
    expect(tf.engine().backend.numDataIds()).toBe(buffers + 1);
    tf.dispose([y, x, mean, variance]);
  });
});

describe('Identity and Cast on wasm', () => {
  it('a cast to the same dtype shares memory; a real conversion converts', async () => {
    await tf.setBackend('wasm');
    const x = tf.tensor([1.5, -2]);
    const buffers = tf.engine().backend.numDataIds();
    const same = tf.cast(x, 'float32');
    expect(tf.engine().backend.numDataIds()).toBe(buffers);
    const ints = tf.cast(x, 'int32');
    expect(ints.dtype).toBe('int32');
    expect(Array.from(await ints.data())).toEqual([1, -2]);
    expect(Array.from(await same.data())).toEqual([1.5, -2]);
    tf.dispose([x, same, ints]);
  });

  it('shares the input memory instead of copying, and the copy outlives the original', async () => {
    await tf.setBackend('wasm');
    const x = tf.tensor([1, 2, 3]);
    const buffers = tf.engine().backend.numDataIds();
    const copy = tf.clone(x);
    expect(tf.engine().backend.numDataIds()).toBe(buffers);
    x.dispose();
    expect(Array.from(await copy.data())).toEqual([1, 2, 3]);
    copy.dispose();
    expect(tf.engine().backend.numDataIds()).toBe(buffers - 1);
  });
});
