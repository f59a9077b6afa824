import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, test } from 'vitest';
import { input } from './input.js';
import { PaddedMaxPool2d } from './padded-max-pool-layer.js';
import { avgPool2d, maxPool2d } from './pool2d.js';
import { withSeed } from './scope.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function run(pool: typeof maxPool2d | typeof avgPool2d, x: tf.Tensor4D, padding: number): tf.Tensor {
  const [, height, width, channels] = x.shape;
  const model = withSeed(1, () => {
    const symbolic = input([height, width, channels]);
    const out = (pool as (x: unknown, o: unknown) => { tensor: tfl.SymbolicTensor })(symbolic, { poolSize: 3, strides: 2, padding });
    return tfl.model({ inputs: symbolic.tensor, outputs: out.tensor });
  });
  const y = model.predict(x) as tf.Tensor;
  model.dispose();
  return y;
}

describe('pools with numeric padding match PyTorch', () => {
  test('maxPool2d pads with −∞: padded positions never win', () => {
    const x = tf.sub(tf.randomUniform([2, 7, 6, 3], 0, 1, 'float32', 4), 2) as tf.Tensor4D; // all negative
    const expected = tf.maxPool(tf.pad(x, [[0, 0], [1, 1], [1, 1], [0, 0]], Number.NEGATIVE_INFINITY) as tf.Tensor4D, 3, 2, 'valid');
    const got = run(maxPool2d, x, 1);
    expect(got.shape).toEqual([2, 4, 3, 3]);
    expect(Array.from(got.dataSync())).toEqual(Array.from(expected.dataSync()));
    expect(Math.max(...got.dataSync())).toBeLessThan(0); // a zero pad would have won
  });

  test('maxPool2d with padding passes gradients like −∞ padding does', () => {
    const x = tf.randomNormal([1, 5, 5, 2], 0, 1, 'float32', 21) as tf.Tensor4D;
    const layer = new PaddedMaxPool2d({ poolSize: [3, 3], strides: [2, 2], padding: 1 });
    const got = tf.grad((input: tf.Tensor) => tf.sum(layer.apply(input) as tf.Tensor))(x);
    const expected = tf.grad((input: tf.Tensor) =>
      tf.sum(tf.maxPool(tf.pad(input as tf.Tensor4D, [[0, 0], [1, 1], [1, 1], [0, 0]], Number.NEGATIVE_INFINITY) as tf.Tensor4D, 3, 2, 'valid')),
    )(x);
    expect(Array.from(got.dataSync())).toEqual(Array.from(expected.dataSync()));
    expect(layer.getConfig()).toMatchObject({ poolSize: [3, 3], strides: [2, 2], padding: 1 });
  });

  test('avgPool2d counts the zero padding in the average (count_include_pad=True)', () => {
    const x = tf.randomUniform([1, 5, 5, 2], 1, 2, 'float32', 9) as tf.Tensor4D;
    const expected = tf.avgPool(tf.pad(x, [[0, 0], [1, 1], [1, 1], [0, 0]]) as tf.Tensor4D, 3, 2, 'valid');
    const got = run(avgPool2d, x, 1);
    expect(tf.max(tf.abs(tf.sub(got, expected))).dataSync()[0]).toBeLessThan(1e-6);
  });

  test('padding larger than half the pool is rejected in the type error\'s words', () => {
    expect(() => run(maxPool2d, tf.zeros([1, 8, 8, 1]), 2)).toThrow(
      'shape error: maxPool2d: padding must be at most half the pool size, but got padding 2 for poolSize 3×3 — use padding ≤ 1',
    );
  });
});
