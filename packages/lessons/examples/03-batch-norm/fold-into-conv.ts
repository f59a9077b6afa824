/**
 * Lesson 3: at inference time batch normalization is a fixed affine map per channel, so it folds
 * into the convolution before it: one kernel instead of conv, BN and ReLU.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { batchNorm, buildModel, conv2d, input, relu, withSeed } from '@residual/core/model';
import { inferenceModel } from '@residual/core/engine';
import { layerWeight, setLayerWeight } from '../shared/layer-weight.js';
import { kernelCalls } from '../shared/kernel-calls.js';

/** conv → BN → ReLU as a TF.js model `[N, 8, 8, 3]` → `[N, 8, 8, 16]`, with learnt-looking BN statistics. */
function convBnRelu(seed: number): tfl.LayersModel {
  const model = withSeed(seed, () => {
    const x = input([8, 8, 3]); // [N, H, W, C]
    const y = relu(batchNorm(conv2d(x, { filters: 16, kernelSize: 3, padding: 1, useBias: false, name: 'conv' }), { name: 'bn' }));
    return tfl.model({ inputs: x.tensor, outputs: y.tensor }); // [N, 8, 8, 16]
  });
  const bn = model.getLayer('bn');
  tf.tidy(() => {
    setLayerWeight(bn, 'gamma', tf.randomUniform([16], 0.5, 1.5, 'float32', seed));
    setLayerWeight(bn, 'beta', tf.randomNormal([16], 0, 0.5, 'float32', seed + 1));
    setLayerWeight(bn, 'moving_mean', tf.randomNormal([16], 0, 0.5, 'float32', seed + 2));
    setLayerWeight(bn, 'moving_variance', tf.randomUniform([16], 0.5, 2, 'float32', seed + 3));
  });
  return model;
}

/**
 * Folds the BN of a conv → BN → ReLU model into the conv's kernel and a bias by hand, and returns
 * the largest difference from the model in evaluation mode.
 *
 * @param seed - seed of the weights and the input
 * @example
 * foldByHand(1); // about 1e-7: the same numbers from one kernel
 */
export function foldByHand(seed: number): number {
  const model = convBnRelu(seed);
  try {
    return tf.tidy(() => {
      const x = tf.randomNormal([4, 8, 8, 3], 0, 1, 'float32', seed) as tf.Tensor4D; // [N, H, W, C]
      const weight = (name: string) => layerWeight(model.getLayer(name === 'kernel' ? 'conv' : 'bn'), name).read();
      // #region fold
      const [kernel, gamma, beta] = [weight('kernel'), weight('gamma'), weight('beta')]; // [3, 3, 3, 16], [16], [16]
      const [mean, variance] = [weight('moving_mean'), weight('moving_variance')];       // running μ, σ²: [16]
      const scale = tf.mul(gamma, tf.rsqrt(tf.add(variance, 1e-5)));                     // s = γ/√(σ² + ε)
      const filter = tf.mul(kernel, scale) as tf.Tensor4D;                               // W · s
      const bias = tf.sub(beta, tf.mul(mean, scale)) as tf.Tensor1D;                     // β − μ · s
      // one kernel: the convolution with the folded weights, its bias and the ReLU as its activation
      const folded = tf.fused.conv2d({ x, filter, bias, strides: 1, pad: 'same', activation: 'relu' });
      const layers = model.predict(x) as tf.Tensor; // conv, BN and ReLU as three kernels
      // #endregion
      return tf.max(tf.abs(tf.sub(folded, layers))).dataSync()[0] ?? Number.NaN;
    });
  } finally {
    model.dispose();
  }
}

/**
 * Kernel calls of one ResNet-20 inference on a batch of 8: its layers as built, and through the
 * library's `inferenceModel`, which folds every BN into its convolution.
 *
 * @example
 * const { layers, folded } = await resnet20Kernels(); // folded is about half of layers
 */
export async function resnet20Kernels(): Promise<{ layers: number; folded: number; fusions: number }> {
  const model = buildModel('resnet20', { seed: 1 });
  const inference = inferenceModel(model.layersModel);
  const x = tf.zeros([8, 32, 32, 3]); // [N, H, W, C]
  try {
    return {
      layers: await kernelCalls(() => model.layersModel.predict(x) as tf.Tensor),
      folded: await kernelCalls(() => inference.predict(x)),
      fusions: inference.fusions.filter((fusion) => fusion.batchNorm !== null).length,
    };
  } finally {
    tf.dispose(x);
    inference.dispose();
    model.dispose();
  }
}
