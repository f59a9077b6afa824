import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-layers'; // registers TF.js's gradient functions (tfjs-core alone does not)
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { shapeArbitrary, valueAndGrads } from './__fixtures__/value-and-grads.js';
import { addTraining } from './add-training.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('addTraining', () => {
  test("gives TF.js's add and its gradients, bit for bit", () => {
    fc.assert(
      fc.property(shapeArbitrary, fc.integer({ min: 1, max: 10_000 }), (shape, seed) => {
        const [a, b, dy] = tf.tidy(() => [0, 1, 2].map((i) => tf.randomNormal(shape, 0, 1, 'float32', seed + i)));
        const ours = valueAndGrads((main, shortcut) => addTraining(main as tf.Tensor, shortcut as tf.Tensor), [a as tf.Tensor, b as tf.Tensor], dy as tf.Tensor);
        const theirs = valueAndGrads((main, shortcut) => tf.add(main as tf.Tensor, shortcut as tf.Tensor), [a as tf.Tensor, b as tf.Tensor], dy as tf.Tensor);
        expect(ours).toEqual(theirs);
        tf.dispose([a, b, dy]);
      }),
      { numRuns: 40 },
    );
  });

  test('refuses branches of different shapes and names the projection shortcut', () => {
    expect(() => addTraining(tf.zeros([2, 4, 4, 8]), tf.zeros([2, 8, 8, 4]))).toThrow(
      "addTraining: shortcut must have main's shape [2, 4, 4, 8], but got [2, 8, 8, 4]. Add a projection shortcut (1×1 convolution with the block's stride) so both branches agree.",
    );
  });
});
