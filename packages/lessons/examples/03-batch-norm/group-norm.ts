/**
 * Lesson 3: group normalization (Wu and He, "Group Normalization", 2018), written with TF.js
 * operations: the statistics come from one image's groups of channels, not from the batch.
 */
import * as tf from '@tensorflow/tfjs-core';

/**
 * Group normalization without its learned scale and offset: per image and per group of `C / G`
 * channels, over H, W and the group's channels.
 *
 * @param x - `[N, H, W, C]`
 * @param groups - G, a divisor of C (32 in the paper; `groups = C` is instance normalization,
 *   `groups = 1` layer normalization)
 * @param epsilon - added to the variance
 * @returns `[N, H, W, C]`
 * @example
 * groupNorm(x, 4); // every image's every group: mean ≈ 0, variance ≈ 1
 */
export function groupNorm(x: tf.Tensor4D, groups: number, epsilon = 1e-5): tf.Tensor4D {
  const [batch, height, width, channels] = x.shape;
  if (!Number.isInteger(groups) || groups < 1 || channels % groups !== 0) {
    throw new RangeError(`groupNorm: groups must divide the ${channels} channels, but got ${groups}. Pass a divisor of ${channels}.`);
  }
  return tf.tidy(() => {
    // #region group-norm
    const grouped = tf.reshape(x, [batch, height, width, groups, channels / groups]); // [N, H, W, G, C/G]
    const { mean, variance } = tf.moments(grouped, [1, 2, 4], true); //                 per image and group: [N, 1, 1, G, 1]
    const normalized = tf.div(tf.sub(grouped, mean), tf.sqrt(tf.add(variance, epsilon)));
    return tf.reshape(normalized, [batch, height, width, channels]); //                  [N, H, W, C]
    // #endregion
  });
}
