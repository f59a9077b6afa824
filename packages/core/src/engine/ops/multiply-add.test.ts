import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multiplyAdd } from './multiply-add.js';

const shapeArbitrary = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 });

describe.each(['cpu', 'wasm'])('multiplyAdd on %s', (backend) => {
  it('equals x · scale + offset for a number scale and a per-channel scale, at every rank', async () => {
    await tf.setBackend(backend);
    fc.assert(
      fc.property(shapeArbitrary, fc.double({ min: -3, max: 3, noNaN: true }), fc.integer({ min: 1, max: 1000 }), (shape, a, seed) => {
        tf.tidy(() => {
          const x = tf.randomNormal(shape, 0, 1, 'float32', seed);
          const offset = tf.randomNormal(shape, 0, 1, 'float32', seed + 1);
          const perChannel = tf.randomNormal([shape[shape.length - 1] ?? 1], 0, 1, 'float32', seed + 2);
          for (const scale of [a, perChannel]) {
            const got = multiplyAdd(x, scale, offset);
            const want = tf.add(tf.mul(x, scale), offset);
            expect(got.shape).toEqual(shape);
            expect(tf.max(tf.abs(tf.sub(got, want))).dataSync()[0]).toBeLessThan(1e-5);
          }
        });
      }),
      { numRuns: 30 },
    );
  });

  it('runs one kernel and leaves no tensor behind but its result', async () => {
    await tf.setBackend(backend);
    const x = tf.ones([3, 4]);
    const offset = tf.zeros([3, 4]);
        const tensors = tf.memory().numTensors;
    const info = await tf.profile(() => multiplyAdd(x, 0.5, offset));
    expect(info.kernels.map((kernel) => kernel.name).filter((name) => name !== 'Reshape')).toEqual(['FusedBatchNorm']);
    expect(tf.memory().numTensors).toBe(tensors + 1); // the result only
    tf.dispose([x, offset]);
  });

  it('falls back to a multiply and an add for ranks batch norm does not take', async () => {
    await tf.setBackend(backend);
    const x = tf.ones([1, 1, 1, 1, 2]);
    expect(Array.from(await multiplyAdd(x, 2, tf.fill([1, 1, 1, 1, 2], 3)).data())).toEqual([5, 5]);
    expect(Array.from(await multiplyAdd(tf.scalar(2), 4, tf.scalar(1)).data())).toEqual([9]);
  });
});
