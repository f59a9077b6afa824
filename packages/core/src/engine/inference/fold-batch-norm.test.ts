import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { foldBatchNorm } from './fold-batch-norm.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const convCase = fc.record({
  size: fc.integer({ min: 3, max: 7 }),
  inChannels: fc.integer({ min: 1, max: 4 }),
  outChannels: fc.integer({ min: 1, max: 5 }),
  kernel: fc.constantFrom(1, 3),
  stride: fc.constantFrom(1, 2),
  pad: fc.constantFrom<'same' | 'valid' | 1>('same', 'valid', 1),
  withBias: fc.boolean(),
  relu: fc.boolean(),
  epsilon: fc.constantFrom(1e-5, 1e-3),
  seed: fc.integer({ min: 1, max: 1000 }),
});

describe('foldBatchNorm', () => {
  test('one fused convolution equals conv → batch norm (inference) → ReLU', () => {
    fc.assert(
      fc.property(convCase, (c) => {
        const error = tf.tidy(() => {
          const x = tf.randomNormal([2, c.size, c.size, c.inChannels], 0, 1, 'float32', c.seed) as tf.Tensor4D; // [N, H, W, C]
          const filter = tf.randomNormal([c.kernel, c.kernel, c.inChannels, c.outChannels], 0, 0.5, 'float32', c.seed + 1) as tf.Tensor4D;
          const bias = c.withBias ? (tf.randomNormal([c.outChannels], 0, 1, 'float32', c.seed + 2) as tf.Tensor1D) : null;
          const bn = {
            gamma: tf.randomUniform([c.outChannels], -2, 2, 'float32', c.seed + 3) as tf.Tensor1D, // negative γ flips a channel
            beta: tf.randomNormal([c.outChannels], 0, 1, 'float32', c.seed + 4) as tf.Tensor1D,
            mean: tf.randomNormal([c.outChannels], 0, 1, 'float32', c.seed + 5) as tf.Tensor1D,
            variance: tf.randomUniform([c.outChannels], 0.01, 3, 'float32', c.seed + 6) as tf.Tensor1D,
            epsilon: c.epsilon,
          };
          let conv = tf.conv2d(x, filter, c.stride, c.pad);
          if (bias !== null) conv = tf.add(conv, bias);
          const normalized = tf.batchNorm(conv, bn.mean, bn.variance, bn.beta, bn.gamma, bn.epsilon);
          const expected = c.relu ? tf.relu(normalized) : normalized;
          const folded = foldBatchNorm(filter, bias, bn);
          const got = tf.fused.conv2d({ x, filter: folded.filter, bias: folded.bias, strides: c.stride, pad: c.pad, activation: c.relu ? 'relu' : 'linear' });
          return tf.max(tf.div(tf.abs(tf.sub(got, expected)), tf.add(tf.abs(expected), 1))).dataSync()[0] ?? Infinity;
        });
        expect(error).toBeLessThan(1e-5);
      }),
      { numRuns: 40 },
    );
  });

  test('a batch norm of another width is refused with the fix', () => {
    const filter = tf.zeros([3, 3, 2, 4]) as tf.Tensor4D;
    const five = tf.ones([5]) as tf.Tensor1D;
    const four = tf.ones([4]) as tf.Tensor1D;
    expect(() => foldBatchNorm(filter, null, { gamma: five, beta: four, mean: four, variance: four, epsilon: 1e-5 })).toThrow(
      'foldBatchNorm: gamma must have one value per output channel [4], but got [5]. Fold a batch norm only into the convolution that feeds it.',
    );
    tf.dispose([filter, five, four]);
  });
});
