/**
 * Lesson 3: batch normalization's backward pass written out, checked against TF.js's automatic
 * gradient, and what each costs in kernel calls.
 */
import * as tf from '@tensorflow/tfjs-core';
import { computingKernels } from '@residual/core/training';
import { batchNormByHand } from './bn-by-hand.js';

/** The gradients of a loss with respect to BN's input and parameters. */
export interface BnGradients {
  readonly dx: tf.Tensor4D; // [N, H, W, C]
  readonly dGamma: tf.Tensor1D; // [C]
  readonly dBeta: tf.Tensor1D; // [C]
}

/**
 * BN's backward pass in closed form, from the output gradient `dy`.
 *
 * @param x - the forward input `[N, H, W, C]`
 * @param gamma - scale γ, `[C]`
 * @param dy - the loss's gradient with respect to BN's output, `[N, H, W, C]`
 * @param epsilon - added to the variance
 * @returns dx, dγ and dβ
 * @example
 * const { dx } = bnBackwardByHand(x, gamma, dy); // equals tf.grads of batchNormByHand
 */
export function bnBackwardByHand(x: tf.Tensor4D, gamma: tf.Tensor1D, dy: tf.Tensor4D, epsilon = 1e-5): BnGradients {
  return tf.tidy(() => {
    // #region backward
    const { mean, variance } = tf.moments(x, [0, 1, 2]); //         μ, σ² per channel: [C]
    const invStd = tf.rsqrt(tf.add(variance, epsilon)); //            1/√(σ² + ε)
    const xHat = tf.mul(tf.sub(x, mean), invStd); //                  x̂, as in the forward pass
    const n = x.size / x.shape[3]; //                                  values per channel: N·H·W
    const dBeta = tf.sum(dy, [0, 1, 2]); //                           dβ = Σ dy
    const dGamma = tf.sum(tf.mul(dy, xHat), [0, 1, 2]); //            dγ = Σ dy · x̂
    const dx = tf.mul(tf.mul(gamma, invStd), //                       dx = γ/√(σ² + ε) ·
      tf.sub(tf.sub(dy, tf.div(dBeta, n)), tf.mul(xHat, tf.div(dGamma, n)))); // (dy − dβ/n − x̂·dγ/n)
    // #endregion
    return { dx: dx as tf.Tensor4D, dGamma: dGamma as tf.Tensor1D, dBeta: dBeta as tf.Tensor1D };
  });
}

/** What {@link compareBackward} found. */
export interface BackwardComparison {
  /** Largest difference between the written-out and the automatic gradients (dx, dγ, dβ). */
  readonly maxDiff: number;
  /** Kernel calls of one forward and backward pass: TF.js differentiating by itself, and written out. */
  readonly autodiffKernels: number;
  readonly writtenKernels: number;
}

/**
 * Compares {@link bnBackwardByHand} with TF.js's automatic gradient of {@link batchNormByHand} on a
 * seeded input (loss: Σ y · dy), and counts the kernels each runs for a forward and backward pass.
 *
 * @param seed - seed of the input, γ, β and dy
 * @example
 * const { maxDiff, autodiffKernels, writtenKernels } = await compareBackward(1);
 */
export async function compareBackward(seed: number): Promise<BackwardComparison> {
  const [batch, size, channels] = [4, 6, 8];
  const x = tf.randomNormal([batch, size, size, channels], 2, 3, 'float32', seed) as tf.Tensor4D;
  const gamma = tf.randomUniform([channels], 0.5, 1.5, 'float32', seed + 1) as tf.Tensor1D;
  const beta = tf.randomUniform([channels], -1, 1, 'float32', seed + 2) as tf.Tensor1D;
  const dy = tf.randomNormal(x.shape, 0, 1, 'float32', seed + 3) as tf.Tensor4D;
  const loss = (xs: tf.Tensor, gs: tf.Tensor, bs: tf.Tensor) => tf.sum(tf.mul(batchNormByHand(xs as tf.Tensor4D, gs as tf.Tensor1D, bs as tf.Tensor1D), dy));
  const automatic = () => tf.grads(loss)([x, gamma, beta]); //                 [dx, dγ, dβ]
  const written = () => {
    const y = batchNormByHand(x, gamma, beta); //                              the same forward pass
    const { dx, dGamma, dBeta } = bnBackwardByHand(x, gamma, dy);
    y.dispose();
    return [dx, dGamma, dBeta];
  };
  // Kernels that do arithmetic (Identity and Reshape only relabel memory), and the result. Read at
  // once: tf.profile reuses one record object, so the next profile overwrites it.
  const profile = async (f: () => tf.Tensor[]) => {
    const info = await tf.profile(f);
    return { grads: info.result as tf.Tensor[], calls: computingKernels(info.kernels).length };
  };
  try {
    const theirs = await profile(automatic);
    const ours = await profile(written);
    const maxDiff = Math.max(...ours.grads.map((grad, i) => tf.tidy(() => tf.max(tf.abs(tf.sub(grad, theirs.grads[i] as tf.Tensor))).dataSync()[0] ?? Number.NaN)));
    tf.dispose([...theirs.grads, ...ours.grads]);
    return { maxDiff, autodiffKernels: theirs.calls, writtenKernels: ours.calls };
  } finally {
    tf.dispose([x, gamma, beta, dy]);
  }
}
