import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-layers'; // registers TF.js's gradient functions (tfjs-core alone does not)
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchNormTraining } from './batch-norm-training.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** TF.js's own training-mode batch norm (what tfjs-layers runs): moments, then batchNorm, differentiated automatically. */
function reference(x: tf.Tensor, gamma: tf.Tensor1D, beta: tf.Tensor1D, epsilon: number): tf.Tensor {
  const { mean, variance } = tf.moments(x, x.shape.slice(0, -1).map((_, axis) => axis));
  return tf.batchNorm(x, mean, variance, beta, gamma, epsilon);
}

function maxRelative(actual: tf.Tensor, expected: tf.Tensor): number {
  const scale = Math.max(1, tf.max(tf.abs(expected)).dataSync()[0] ?? 0);
  return (tf.max(tf.abs(tf.sub(actual, expected))).dataSync()[0] ?? Number.POSITIVE_INFINITY) / scale;
}

const caseArbitrary = fc.record({
  shape: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
  channels: fc.integer({ min: 1, max: 6 }),
  offset: fc.double({ min: -3, max: 3, noNaN: true }), // inputs off zero, as conv outputs are
  seed: fc.integer({ min: 1, max: 10000 }),
});

describe('batchNormTraining', () => {
  it('gives the values, statistics and gradients (x, γ, β) of TF.js automatic differentiation', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ shape, channels, offset, seed }) => {
        tf.tidy(() => {
          const xShape = [...shape, channels];
          if (tf.util.sizeFromShape(xShape) / channels < 2) return; // one element per channel: variance 0
          const x = tf.add(tf.randomNormal(xShape, 0, 1.5, 'float32', seed), offset);
          const gamma = tf.randomUniform([channels], 0.5, 2, 'float32', seed + 1) as tf.Tensor1D;
          const beta = tf.randomNormal([channels], 0, 1, 'float32', seed + 2) as tf.Tensor1D;
          const dy = tf.randomNormal(xShape, 0, 1, 'float32', seed + 3);
          const ours = batchNormTraining(x, gamma, beta, 1e-5);
          const theirs = reference(x, gamma, beta, 1e-5);
          expect(maxRelative(ours.y, theirs)).toBeLessThan(1e-5);
          const { mean, variance } = tf.moments(x, xShape.slice(0, -1).map((_, axis) => axis));
          expect(maxRelative(ours.mean, mean)).toBeLessThan(1e-5);
          expect(maxRelative(ours.variance, variance)).toBeLessThan(1e-5);
          tf.dispose([ours.mean, ours.variance]);
          const loss = (f: (x: tf.Tensor, g: tf.Tensor1D, b: tf.Tensor1D) => tf.Tensor) => (xs: tf.Tensor, gs: tf.Tensor, bs: tf.Tensor) =>
            tf.sum(tf.mul(f(xs, gs as tf.Tensor1D, bs as tf.Tensor1D), dy));
          const oursGrads = tf.grads(loss((xs, gs, bs) => {
            const result = batchNormTraining(xs, gs, bs, 1e-5);
            tf.dispose([result.mean, result.variance]);
            return result.y;
          }))([x, gamma, beta]);
          const theirGrads = tf.grads(loss((xs, gs, bs) => reference(xs, gs, bs, 1e-5)))([x, gamma, beta]);
          oursGrads.forEach((grad, i) => expect(maxRelative(grad, theirGrads[i] as tf.Tensor)).toBeLessThan(2e-4));
        });
      }),
      { numRuns: 40 },
    );
  });

  it('runs half the kernels of the automatic gradient for one forward and backward pass', async () => {
    const x = tf.randomNormal([4, 6, 6, 8], 0, 1, 'float32', 1);
    const gamma = tf.ones([8]) as tf.Tensor1D;
    const beta = tf.zeros([8]) as tf.Tensor1D;
    const count = async (f: (x: tf.Tensor) => tf.Tensor) => (await tf.profile(() => tf.grads((xs: tf.Tensor) => tf.sum(f(xs)))([x]))).kernels.length;
    const ours = await count((xs) => {
      const result = batchNormTraining(xs, gamma, beta, 1e-5);
      tf.dispose([result.mean, result.variance]);
      return result.y;
    });
    const theirs = await count((xs) => reference(xs, gamma, beta, 1e-5)); // one profile at a time: tf.profile is not reentrant
    expect(ours).toBeLessThanOrEqual(theirs / 2);
  });

  it('refuses a tensor without a batch and a channel axis', () => {
    const x = tf.tensor1d([1, 2, 3]);
    const [gamma, beta] = [tf.ones([3]) as tf.Tensor1D, tf.zeros([3]) as tf.Tensor1D];
    expect(() => batchNormTraining(x, gamma, beta, 1e-5)).toThrow('batchNormTraining: x must have rank ≥ 2 [N, …, C], but got shape [3]. Pass a batch.');
    tf.dispose([x, gamma, beta]);
  });
});
