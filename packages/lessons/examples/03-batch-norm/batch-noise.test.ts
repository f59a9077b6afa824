import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { batchNoise } from './batch-noise.js';
import { groupNorm } from './group-norm.js';

beforeAll(useCpuBackend);

describe('lesson 3: batch size and group normalization', () => {
  it('group norm normalizes each image’s groups and ignores the rest of the batch', () => {
    const x = tf.add(tf.mul(tf.randomNormal([3, 4, 4, 8], 0, 1, 'float32', 1), 3), 5) as tf.Tensor4D;
    const all = groupNorm(x, 4);
    const alone = groupNorm(tf.slice(x, [1, 0, 0, 0], [1, -1, -1, -1]) as tf.Tensor4D, 4);
    expect(tf.max(tf.abs(tf.sub(tf.slice(all, [1, 0, 0, 0], [1, -1, -1, -1]), alone))).dataSync()[0]).toBe(0);
    const { mean, variance } = tf.moments(tf.reshape(all, [3, 4, 4, 4, 2]), [1, 2, 4]);
    expect(tf.max(tf.abs(mean)).dataSync()[0]).toBeLessThan(1e-5);
    expect(tf.max(tf.abs(tf.sub(variance, 1))).dataSync()[0]).toBeLessThan(1e-3);
    expect(() => groupNorm(x, 3)).toThrow('groupNorm: groups must divide the 8 channels, but got 3. Pass a divisor of 8.');
    tf.dispose([x, all, alone, mean, variance]);
  });

  it('batch norm’s output for one image is noisier the smaller its batch; group norm’s never moves; nothing leaks', () => {
    const before = tf.memory().numTensors;
    const rows = batchNoise([2, 32, 128], 8);
    expect(tf.memory().numTensors).toBe(before);
    const [small, middle, large] = rows;
    expect(small?.batchNorm).toBeGreaterThan(middle?.batchNorm ?? Number.POSITIVE_INFINITY);
    expect(middle?.batchNorm).toBeGreaterThan(large?.batchNorm ?? Number.POSITIVE_INFINITY);
    expect(large?.batchNorm).toBeGreaterThan(0);
    for (const row of rows) expect(row.groupNorm).toBe(0);
  });
});
