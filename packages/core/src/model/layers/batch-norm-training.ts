import * as tf from '@tensorflow/tfjs-core';
import { multiplyAdd } from '../../engine/ops/multiply-add.js';
import { releaseAfterGradient } from './lean-backward.js';

/** What {@link batchNormTraining} returns: the normalized batch and its statistics. */
export interface BatchNormTrainingResult {
  /** `gamma · (x − mean) / √(variance + ε) + beta`, the shape of `x`. */
  readonly y: tf.Tensor;
  /** The batch's per-channel mean and (biased) variance, `[C]`; the caller disposes them. */
  readonly mean: tf.Tensor1D;
  readonly variance: tf.Tensor1D;
}

/**
 * Batch normalization in training mode over every axis but the last (NHWC channels), with its
 * gradient written out instead of differentiated through `tf.moments`: the forward pass is two
 * means, a squared difference and one `batchNorm`; the backward pass is
 *
 *     x̂ = (x − mean) / √(var + ε),  dβ = Σ dy,  dγ = Σ dy·x̂,
 *     dx = γ/√(var + ε) · (dy − dβ/n − x̂ · dγ/n)      (n: elements per channel)
 *
 * in four full-size element-wise kernels, two reductions and four per-channel ones: half the kernel
 * calls of TF.js's automatic gradient of the same forward pass (the test beside this file holds it
 * to that). With it and `multiplyAdd`, a CIFAR ResNet-18 training step makes 740 kernel calls that
 * compute (1,326 with the free `Identity` and `Reshape`) instead of 2,212 in all
 * (`residual bench --model cifarResnet18 --mode train --json` counts them). Numbers match the
 * automatic gradient to float32 rounding. Inside {@link withLeanBackward} the gradient frees `dy`
 * and the saved input once it is computed.
 *
 * @param x - `[N, H, W, C]` (any rank ≥ 2; normalizes over all axes but the last)
 * @param gamma - scale `[C]`
 * @param beta - offset `[C]`
 * @param epsilon - added to the variance
 * @returns `y` (shape of x) with gradients for x, gamma and beta; the batch `mean` and `variance` `[C]`
 * @example
 * const { y, mean, variance } = batchNormTraining(x, gamma, beta, 1e-5);
 * // update running statistics with mean and variance, then dispose them
 */
export function batchNormTraining(x: tf.Tensor, gamma: tf.Tensor1D, beta: tf.Tensor1D, epsilon: number): BatchNormTrainingResult {
  const axes = x.shape.slice(0, -1).map((_, axis) => axis);
  const channels = x.shape.at(-1);
  if (x.rank < 2 || channels === undefined) {
    throw new RangeError(`batchNormTraining: x must have rank ≥ 2 [N, …, C], but got shape [${x.shape.join(', ')}]. Pass a batch.`);
  }
  const perChannel = x.size / channels; // n
  let stats: [tf.Tensor1D, tf.Tensor1D] | undefined;
  const normalize = tf.customGrad((input, scale, offset, save) => {
    const [xs, gs, bs] = [input, scale, offset] as [tf.Tensor, tf.Tensor1D, tf.Tensor1D];
    const mean = tf.mean(xs, axes) as tf.Tensor1D;
    // In tidy: TF.js runs a custom op's forward and gradient outside any scope of their own, so a
    // temporary would live until the whole gradient computation ends (here a full-size tensor per layer).
    const variance = tf.tidy(() => tf.mean(tf.squaredDifference(xs, mean), axes) as tf.Tensor1D);
    stats = [tf.keep(mean), tf.keep(variance)]; // outlive the op's scope, for the running statistics
    (save as tf.GradSaveFunc)([xs, mean, variance, gs]);
    return {
      value: tf.batchNorm(xs, mean, variance, bs, gs, epsilon),
      gradFunc: (dy, saved) => {
        const grads = tf.tidy(() => {
          const [xSaved, meanSaved, varianceSaved, gammaSaved] = saved as [tf.Tensor, tf.Tensor1D, tf.Tensor1D, tf.Tensor1D];
          const xHat = tf.batchNorm(xSaved, meanSaved, varianceSaved, undefined, undefined, epsilon); // (x − mean)/√(var + ε)
          const dBeta = tf.sum(dy, axes) as tf.Tensor1D; // [C]
          const dGamma = tf.sum(tf.mul(dy, xHat), axes) as tf.Tensor1D; // [C]
          // γ/√(var + ε) in one kernel: batch norm's own formula with mean 0 (not rsqrt, add and multiply).
          const gain = tf.batchNorm(gammaSaved, tf.zeros(gammaSaved.shape), varianceSaved, undefined, undefined, epsilon) as tf.Tensor1D; // [C]
          const minusGainOverN = tf.mul(gain, -1 / perChannel); // [C]
          // dx = gain·dy + (x − mean)·(−gain·dγ/n)/√(var + ε) − gain·dβ/n: one batchNorm for the last two terms.
          const shift = tf.batchNorm(xSaved, meanSaved, varianceSaved, tf.mul(minusGainOverN, dBeta), tf.mul(minusGainOverN, dGamma), epsilon);
          const dx = multiplyAdd(dy, gain, shift); // gain·dy + shift, one kernel
          return [dx, dGamma, dBeta];
        });
        releaseAfterGradient(dy, saved); // inside withLeanBackward: dy and x are not needed any more
        return grads;
      },
    };
  });
  const y = normalize(x, gamma, beta);
  if (stats === undefined) throw new Error('batchNormTraining: the statistics must have been computed, but got none. This is a bug.');
  const [mean, variance] = stats;
  return { y, mean, variance };
}
