/**
 * Lesson 3: batch normalization written with TF.js operations, checked against the library's layer.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { batchNorm, input, withSeed } from '@residual/core/model';
import { setLayerWeight } from '../shared/layer-weight.js';

/**
 * Batch normalization in training mode, by hand: per channel, over N, H and W.
 *
 * @param x - `[N, H, W, C]`
 * @param gamma - scale γ, `[C]`
 * @param beta - offset β, `[C]`
 * @param epsilon - added to the variance (the library's default, as PyTorch: 1e-5)
 * @returns `[N, H, W, C]`
 * @example
 * batchNormByHand(x, tf.ones([C]), tf.zeros([C])); // each channel: mean ≈ 0, variance ≈ 1
 */
export function batchNormByHand(x: tf.Tensor4D, gamma: tf.Tensor1D, beta: tf.Tensor1D, epsilon = 1e-5): tf.Tensor4D {
  return tf.tidy(() => {
    // #region by-hand
    const { mean, variance } = tf.moments(x, [0, 1, 2]); //       μ, σ² per channel: [C]
    const centered = tf.sub(x, mean); //                             x − μ          [N, H, W, C]
    const normalized = tf.div(centered, tf.sqrt(tf.add(variance, epsilon))); // x̂
    return tf.add(tf.mul(gamma, normalized), beta); //               y = γ · x̂ + β
    // #endregion
  });
}

/**
 * The largest difference between {@link batchNormByHand} and the library's `batchNorm` layer in
 * training mode, on a seeded random input with random γ and β.
 *
 * @param seed - seed of the input, γ and β
 * @example
 * compareWithLayer(1); // about 1e-6
 */
export function compareWithLayer(seed: number): number {
  const [batch, size, channels] = [4, 6, 8];
  const model = withSeed(seed, () => {
    const x = input([size, size, channels]); // [N, H, W, C]
    return tfl.model({ inputs: x.tensor, outputs: batchNorm(x, { name: 'bn' }).tensor });
  });
  try {
    return tf.tidy(() => {
      const x = tf.randomNormal([batch, size, size, channels], 2, 3, 'float32', seed) as tf.Tensor4D;
      const gamma = tf.randomUniform([channels], 0.5, 1.5, 'float32', seed + 1) as tf.Tensor1D;
      const beta = tf.randomUniform([channels], -1, 1, 'float32', seed + 2) as tf.Tensor1D;
      setLayerWeight(model.getLayer('bn'), 'gamma', gamma);
      setLayerWeight(model.getLayer('bn'), 'beta', beta);
      const fromLayer = model.apply(x, { training: true }) as tf.Tensor;
      return tf.max(tf.abs(tf.sub(fromLayer, batchNormByHand(x, gamma, beta)))).dataSync()[0] ?? Number.NaN;
    });
  } finally {
    model.dispose();
  }
}
