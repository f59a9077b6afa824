/**
 * Lesson 3: a convolution's bias is cancelled by the batch normalization after it.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { batchNorm, conv2d, input, withSeed, type CountableModel } from '@residual/core/model';
import { layerWeight, setLayerWeight } from '../shared/layer-weight.js';

/** conv → BN, with or without the conv's bias, as a TF.js model `[N, 8, 8, 3]` → `[N, 8, 8, 16]`. */
function convThenBn(seed: number, useBias: boolean): tfl.LayersModel {
  return withSeed(seed, () => {
    const x = input([8, 8, 3]); // [N, H, W, C]
    const y = batchNorm(conv2d(x, { filters: 16, kernelSize: 3, padding: 1, useBias, name: 'conv' }), { name: 'bn' });
    return tfl.model({ inputs: x.tensor, outputs: y.tensor }); // [N, 8, 8, 16]
  });
}

/**
 * The largest difference between conv+bias → BN and conv → BN, with the same kernel, in
 * training mode: the bias (random, non-zero) cancels.
 *
 * @param seed - seed of the weights and the input
 * @returns `{ maxDiff, biasNorm }`: the difference and the size of the bias that cancelled
 * @example
 * biasCancels(1).maxDiff; // about 1e-6
 */
export function biasCancels(seed: number): { maxDiff: number; biasNorm: number } {
  const withBias = convThenBn(seed, true);
  const withoutBias = convThenBn(seed, false);
  try {
    return tf.tidy(() => {
      // #region bias
      const kernel = layerWeight(withBias.getLayer('conv'), 'kernel').read(); // [3, 3, 3, 16]
      setLayerWeight(withoutBias.getLayer('conv'), 'kernel', kernel); //         the same kernel
      const bias = layerWeight(withBias.getLayer('conv'), 'bias').read(); //    [16], not zero

      const x = tf.randomNormal([8, 8, 8, 3], 0, 1, 'float32', seed); //       [N, H, W, C]
      const a = withBias.apply(x, { training: true }) as tf.Tensor; //         BN(conv(x) + b)
      const b = withoutBias.apply(x, { training: true }) as tf.Tensor; //      BN(conv(x))
      const maxDiff = tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] ?? Number.NaN;
      // #endregion
      return { maxDiff, biasNorm: tf.norm(bias).dataSync()[0] ?? Number.NaN };
    });
  } finally {
    withBias.dispose();
    withoutBias.dispose();
  }
}

/**
 * How many bias parameters a model's convolutions would have if they had biases: one per filter.
 * Every convolution in the library's ResNets is followed by BN, so all of them would be cancelled.
 *
 * @param model - a built model
 * @example
 * wastedBiases(resnet50()); // one per conv filter
 */
export function wastedBiases(model: CountableModel): number {
  const layersModel = 'layersModel' in model ? model.layersModel : model;
  return layersModel.layers
    .filter((layer) => layer.getClassName() === 'Conv2D')
    .reduce((sum, layer) => sum + (layer.getConfig()['filters'] as number), 0);
}
