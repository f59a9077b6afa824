import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-layers'; // registers TF.js's gradient functions (tfjs-core alone does not)
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { shapeArbitrary, valueAndGrads } from './__fixtures__/value-and-grads.js';
import { reluTraining } from './relu-training.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('reluTraining', () => {
  test("gives TF.js's relu and its gradient, bit for bit, with zeros and exact ties in the input", () => {
    fc.assert(
      fc.property(shapeArbitrary, fc.integer({ min: 1, max: 10_000 }), (shape, seed) => {
        const [x, dy] = tf.tidy(() => [tf.round(tf.randomNormal(shape, 0, 2, 'float32', seed)), tf.randomNormal(shape, 0, 1, 'float32', seed + 1)]); // rounding: many exact zeros
        const ours = valueAndGrads((input) => reluTraining(input as tf.Tensor), [x as tf.Tensor], dy as tf.Tensor);
        const theirs = valueAndGrads((input) => tf.relu(input as tf.Tensor), [x as tf.Tensor], dy as tf.Tensor);
        expect(ours).toEqual(theirs);
        tf.dispose([x, dy]);
      }),
      { numRuns: 40 },
    );
  });

  test('passes dy where x > 0 and 0 elsewhere (at 0 too)', () => {
    const x = tf.tensor1d([-1, 0, 2]);
    const gradient = tf.grads((input: tf.Tensor) => reluTraining(input))([x], tf.tensor1d([5, 6, 7]))[0]!;
    expect(Array.from(gradient.dataSync())).toEqual([0, 0, 7]);
  });
});
