/**
 * Lesson 6: a small synthetic image set for the live ablation — four kinds of stripes under noise,
 * generated from a seed so that every browser and Node produce the same images.
 */
import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '@residual/core/training';

/** The four classes: horizontal, vertical, diagonal and anti-diagonal stripes. */
export const stripeClasses = ['horizontal', 'vertical', 'diagonal', 'anti-diagonal'] as const;

/** The clean pattern value (0 or 1) of class `label` at row `h`, column `w`. */
export function stripe(label: number, h: number, w: number, size: number): number {
  switch (label) {
    case 0:
      return h % 2;
    case 1:
      return w % 2;
    case 2:
      return (h + w) % 2 === 0 ? Math.floor((h + w) / 2) % 2 : Math.floor((h + w + 1) / 2) % 2;
    default:
      return Math.floor((h + size - 1 - w) / 2) % 2;
  }
}

/**
 * `count` images of `size × size × 1` (NHWC), labels cycling through the four classes, each pixel
 * its pattern value plus uniform noise in ±`noise`.
 *
 * @param count - number of images
 * @param size - height and width
 * @param noise - half-width of the uniform noise
 * @param seed - seed of the noise
 * @returns `x` `[count, size, size, 1]` and `labels` `[count]` (int32)
 * @example
 * const { x, labels } = stripes(64, 4, 0.8, 1);
 */
export function stripes(count: number, size: number, noise: number, seed: number): { x: tf.Tensor4D; labels: tf.Tensor1D } {
  const rng = Rng.fromSeed(seed); // the library's seeded generator: the same numbers in Node and every browser
  const random = () => rng.next();
  const values = new Float32Array(count * size * size);
  const labels = new Int32Array(count);
  for (let n = 0; n < count; n++) {
    const label = n % stripeClasses.length;
    labels[n] = label;
    for (let h = 0; h < size; h++)
      for (let w = 0; w < size; w++) values[(n * size + h) * size + w] = stripe(label, h, w, size) + (random() * 2 - 1) * noise;
  }
  return { x: tf.tensor4d(values, [count, size, size, 1]), labels: tf.tensor1d(labels, 'int32') };
}
