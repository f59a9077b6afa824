/**
 * Lesson 4: a 1×1 convolution is a dense layer applied to every pixel.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { conv2d, countParams, input, withSeed } from '@residual/core/model';
import { layerWeight } from '../shared/layer-weight.js';

/**
 * Builds a 1×1 convolution from 256 to 64 channels on 56×56 feature maps.
 *
 * @param seed - initialiser seed
 * @returns the model `[N, 56, 56, 256]` → `[N, 56, 56, 64]` and its weight count
 * @example
 * oneByOne(1).weights; // 16384
 */
export function oneByOne(seed: number): { model: tfl.LayersModel; weights: number } {
  return withSeed(seed, () => {
    // #region one-by-one
    const x = input([56, 56, 256]); //                                   [N, 56, 56, 256]
    const y = conv2d(x, { filters: 64, kernelSize: 1, useBias: false, name: 'reduce' }); // [N, 56, 56, 64]
    const model = tfl.model({ inputs: x.tensor, outputs: y.tensor });
    const weights = countParams(model).trainable; // 1 · 1 · 256 · 64
    // #endregion
    return { model, weights };
  });
}

/**
 * The largest difference between the 1×1 convolution and a matrix product of every pixel's
 * channel vector with the kernel viewed as a `[Cin, Cout]` matrix.
 *
 * @param model - the model from {@link oneByOne}
 * @param batch - images to try
 * @example
 * asMatrixProduct(oneByOne(1).model, 2); // about 1e-6
 */
export function asMatrixProduct(model: tfl.LayersModel, batch: number): number {
  return tf.tidy(() => {
    const x = tf.randomNormal([batch, 56, 56, 256], 0, 1, 'float32', 4); // [N, H, W, Cin]
    const kernel = layerWeight(model.getLayer('reduce'), 'kernel').read(); // [1, 1, Cin, Cout]
    const pixels = tf.reshape(x, [-1, 256]); //                               [N·H·W, Cin]
    const product = tf.matMul(pixels, tf.reshape(kernel, [256, 64])); //     [N·H·W, Cout]
    const conv = tf.reshape(model.predict(x) as tf.Tensor, [-1, 64]);
    return tf.max(tf.abs(tf.sub(conv, product))).dataSync()[0] ?? Number.NaN;
  });
}
