import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';

/** Shapes of rank 1–4 with sides 1–5. */
export const shapeArbitrary = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 });

/** Value and gradient of `f` at `inputs` for the output gradient `dy`, as plain arrays. */
export function valueAndGrads(f: (...xs: tf.Tensor[]) => tf.Tensor, inputs: tf.Tensor[], dy: tf.Tensor): { value: number[]; grads: number[][] } {
  return tf.tidy(() => {
    const { value, grads } = tf.valueAndGrads(f)(inputs, dy);
    return { value: Array.from(value.dataSync()), grads: grads.map((grad) => Array.from(grad.dataSync())) };
  });
}
