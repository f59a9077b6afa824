/**
 * Lesson 8: how the scale of the activations changes through a deep stack of fully connected layers
 * and ReLUs without batch normalization, for three ways of drawing the weights. (A K×K convolution
 * is the same computation with fan_in = K·K·C; a stack of them on small maps also loses signal at
 * the zero-padded borders, which would hide what the initialization does.)
 */
import * as tf from '@tensorflow/tfjs-core';

/** How a layer's weights are drawn: normal, mean 0, with this standard deviation. */
export type InitRule = 'he' | 'glorot' | 'fixed';

/**
 * The standard deviation of a layer's weights from its fan-in and fan-out (`K·K·Cin` and `K·K·Cout`
 * for a convolution, inputs and units for a dense layer).
 * `he`: √(2 / fan_in), He et al. 2015 ("Delving Deep into Rectifiers", eq. 10);
 * `glorot`: √(2 / (fan_in + fan_out)), Glorot and Bengio 2010; `fixed`: 0.01.
 *
 * @example
 * initStd('he', 576, 576); // √(2 / 576) ≈ 0.0589, a 3×3 convolution from 64 channels
 */
export function initStd(rule: InitRule, fanIn: number, fanOut: number): number {
  // #region rules
  switch (rule) {
    case 'he':
      return Math.sqrt(2 / fanIn); //             ½ · fan_in · Var[w] = 1: the ReLU halves E[x²], the weights double it back
    case 'glorot':
      return Math.sqrt(2 / (fanIn + fanOut)); //  = √(1 / fan_in) when fan_in = fan_out: the variance halves at every layer
    default:
      return 0.01;
  }
  // #endregion
}

/** The size of one measurement. */
export interface DepthConfig {
  layers: number;
  width: number;
  batch: number;
  seed: number;
}

/**
 * The root mean square of the activations after each dense + ReLU layer, relative to the input's,
 * for one seeded batch; no batch normalization, no shortcuts, no biases.
 *
 * @param config - depth, width, batch, seed
 * @param rule - how the weights are drawn
 * @returns one ratio per layer, first layer first
 * @example
 * await activationScales({ layers: 20, width: 256, batch: 64, seed: 1 }, 'he'); // ≈ [0.7, 0.7, …]
 */
export async function activationScales(config: DepthConfig, rule: InitRule): Promise<number[]> {
  const { layers, width, batch, seed } = config;
  const ratios = tf.tidy(() => {
    // scaled by the largest value first, so that squaring 10⁻²² does not underflow float32
    const rms = (tensor: tf.Tensor) => {
      const peak = tf.max(tf.abs(tensor));
      return tf.mul(peak, tf.sqrt(tf.mean(tf.square(tf.divNoNan(tensor, peak)))));
    };
    const inputs = tf.randomNormal([batch, width], 0, 1, 'float32', seed); // [N, units]
    const inputRms = rms(inputs);
    const scales: tf.Tensor[] = [];
    let x: tf.Tensor = inputs;
    for (let layer = 0; layer < layers; layer += 1) {
      // #region layer
      const std = initStd(rule, width, width);
      const weights = tf.randomNormal([width, width], 0, std, 'float32', seed + 1 + layer); // [in, out]
      x = tf.relu(tf.matMul(x as tf.Tensor2D, weights)); //                                         [N, out]
      // #endregion
      scales.push(tf.div(rms(x), inputRms));
    }
    return tf.stack(scales); // [layers]
  });
  const values = Array.from(await ratios.data());
  ratios.dispose();
  return values;
}
