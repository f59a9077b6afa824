import * as tf from '@tensorflow/tfjs-core';
import type { GradConfig, NamedAttrMap, Tensor } from '@tensorflow/tfjs-core';

/**
 * The gradient of `FusedBatchNorm` (`y = (x − mean) · scale / √(variance + ε) + offset`) with every
 * per-channel factor folded before it meets a full-size tensor. TF.js 4.22's own gradient tiles the
 * per-channel `1/√(variance + ε)` to the input's full shape, which on the wasm backend made `Tile`
 * the slowest kernel of a ResNet training step; this one does one full-size multiply for `dx` and
 * shares `Σ dy·(x − mean)` between the variance and scale gradients. Same values, same shapes.
 *
 * @example
 * tf.registerGradient(batchNormGradient); // done by registerTrainingKernels
 */
export const batchNormGradient: GradConfig = {
  kernelName: tf.FusedBatchNorm,
  inputsToSave: ['x', 'mean', 'variance', 'scale'],
  gradFunc: (dy: Tensor | Tensor[], saved: Tensor[], attrs: NamedAttrMap) => {
    const grad = dy as Tensor; // [N, H, W, C]
    const [x, mean, variance, scale] = saved as [Tensor, Tensor, Tensor, Tensor | undefined];
    const epsilon = attrs['varianceEpsilon'] as number;
    const axes = tf.broadcast_util.getReductionAxes(mean.shape, x.shape);
    const reduce = (t: Tensor) => tf.reshape(axes.length > 0 ? tf.sum(t, axes) : t, mean.shape); // [C]
    // TF.js runs each input's gradient in its own tidy, so the shared per-channel terms are made
    // here, once; the tidy frees the full-size temporaries behind them at once.
    const [invStd, gain, sumDy, sumDyCentered] = tf.tidy(() => {
      const inv = tf.rsqrt(tf.add(variance, tf.scalar(epsilon))); // [C]
      return [
        inv,
        scale === undefined ? inv : tf.mul(inv, scale),
        reduce(grad),
        reduce(tf.mul(grad, tf.sub(x, mean))),
      ];
    }) as [Tensor, Tensor, Tensor, Tensor];
    return {
      x: () => tf.reshape(tf.mul(grad, gain), x.shape),
      mean: () => tf.neg(tf.mul(sumDy, gain)),
      variance: () => tf.mul(tf.mul(sumDyCentered, gain), tf.mul(tf.square(invStd), tf.scalar(-0.5))),
      scale: () => tf.mul(sumDyCentered, invStd),
      offset: () => tf.clone(sumDy),
    };
  },
};
