import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-layers';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { hostTensor } from './__fixtures__/kernel-harness.js';
import { batchNormGradient } from './batch-norm-gradient.js';
import { registerTrainingGradients } from './register-training-kernels.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  registerTrainingGradients();
});

/** Batch norm spelt out with elementary ops, so autodiff never meets FusedBatchNorm's gradient. */
function elementaryBatchNorm(x: tf.Tensor, mean: tf.Tensor, variance: tf.Tensor, offset: tf.Tensor, scale: tf.Tensor, epsilon: number) {
  return tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, epsilon))), scale), offset);
}

it('replaces the gradient TF.js registered for FusedBatchNorm', () => {
  expect(tf.getGradient('FusedBatchNorm')).toBe(batchNormGradient);
});

it("FusedBatchNorm's replaced gradient equals autodiff of the formula, for x, mean, variance, scale and offset", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        batch: fc.integer({ min: 1, max: 3 }),
        size: fc.integer({ min: 1, max: 4 }),
        channels: fc.integer({ min: 1, max: 5 }),
        epsilon: fc.constantFrom(1e-3, 1e-5),
        seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      }),
      async ({ batch, size, channels, epsilon, seed }) => {
        const make = (shape: number[], offset: number, positive = false) => {
          const host = hostTensor(shape, seed + offset);
          return tf.tensor(positive ? host.data.map((value) => value + 1.5) : host.data, shape);
        };
        const x = make([batch, size, size, channels], 0);
        const dy = make([batch, size, size, channels], 1);
        const mean = make([channels], 2);
        const variance = make([channels], 3, true);
        const offset = make([channels], 4);
        const scale = make([channels], 5);
        const loss = (norm: typeof elementaryBatchNorm) => (...args: tf.Tensor[]) =>
          tf.sum(tf.mul(norm(args[0]!, args[1]!, args[2]!, args[3]!, args[4]!, epsilon), dy));
        const fused = tf.grads(loss((a, b, c, d, e, eps) => tf.batchNorm(a, b, c, d, e, eps)))([x, mean, variance, offset, scale]);
        const reference = tf.grads(loss(elementaryBatchNorm))([x, mean, variance, offset, scale]);
        for (let i = 0; i < 5; i++) {
          expect(fused[i]!.shape).toEqual(reference[i]!.shape);
          const ours = await fused[i]!.data();
          const expected = await reference[i]!.data();
          const scaleOf = Math.max(1, ...Array.from(expected, Math.abs));
          expected.forEach((value, j) => expect(Math.abs((ours[j] ?? Number.NaN) - value) / scaleOf).toBeLessThan(1e-5));
        }
        tf.dispose([x, dy, mean, variance, offset, scale, ...fused, ...reference]);
      },
    ),
    { numRuns: 60 },
  );
});
