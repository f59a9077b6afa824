import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { batchNormByHand, compareWithLayer } from './bn-by-hand.js';

beforeAll(useCpuBackend);

describe('lesson 3: batch normalization by hand', () => {
  it('normalizes each channel to mean 0 and variance 1 before γ and β', () => {
    const [mean, variance] = tf.tidy(() => {
      const x = tf.randomNormal([8, 4, 4, 3], 5, 2, 'float32', 1) as tf.Tensor4D;
      const y = batchNormByHand(x, tf.ones([3]), tf.zeros([3]));
      const moments = tf.moments(y, [0, 1, 2]);
      return [Array.from(moments.mean.dataSync()), Array.from(moments.variance.dataSync())];
    });
    for (const value of mean ?? []) expect(Math.abs(value)).toBeLessThan(1e-5);
    for (const value of variance ?? []) expect(value).toBeCloseTo(1, 3);
  });

  it('equals the library layer in training mode up to rounding', () => {
    const difference = compareWithLayer(1);
    expect(difference).toBeLessThan(1e-4);
    expect(compareWithLayer(2)).toBeLessThan(1e-4);
  });
});
