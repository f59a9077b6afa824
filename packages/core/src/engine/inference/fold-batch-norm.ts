import * as tf from '@tensorflow/tfjs-core';

/** What batch normalisation does in inference mode: y = γ · (x − μ) / √(σ² + ε) + β, per channel. */
export interface BatchNormInference {
  /** γ `[C]` (1 when the layer has no scale) */
  readonly gamma: tf.Tensor1D;
  /** β `[C]` (0 when the layer has no centre) */
  readonly beta: tf.Tensor1D;
  /** running mean μ `[C]` */
  readonly mean: tf.Tensor1D;
  /** running variance σ² `[C]` */
  readonly variance: tf.Tensor1D;
  readonly epsilon: number;
}

/**
 * Folds an inference-mode batch norm into the convolution before it, so the pair runs as one
 * convolution with a bias. With s = γ / √(σ² + ε) per output channel:
 *
 *     BN(conv(x, W) + b) = conv(x, W · s) + (b − μ) · s + β
 *
 * The result equals the pair up to float rounding; it is a snapshot of the weights.
 *
 * @param filter - the convolution's kernel `[K_h, K_w, C, C′]`.
 * @param bias - its bias `[C′]`, or `null` (convs before a batch norm have none).
 * @param batchNorm - γ, β, μ, σ² `[C′]` and ε.
 * @returns the folded kernel `[K_h, K_w, C, C′]` and bias `[C′]`.
 * @example
 * ```ts
 * const folded = foldBatchNorm(kernel, null, { gamma, beta, mean, variance, epsilon: 1e-5 });
 * tf.fused.conv2d({ x, filter: folded.filter, bias: folded.bias, strides: 1, pad: 'same', activation: 'relu' });
 * ```
 */
export function foldBatchNorm(
  filter: tf.Tensor4D,
  bias: tf.Tensor1D | null,
  batchNorm: BatchNormInference,
): { filter: tf.Tensor4D; bias: tf.Tensor1D } {
  const outChannels = filter.shape[3];
  for (const [name, weight] of Object.entries({ gamma: batchNorm.gamma, beta: batchNorm.beta, mean: batchNorm.mean, variance: batchNorm.variance })) {
    if (weight.rank !== 1 || weight.shape[0] !== outChannels) {
      throw new Error(
        `foldBatchNorm: ${name} must have one value per output channel [${outChannels}], but got [${weight.shape.join(', ')}]. ` +
          'Fold a batch norm only into the convolution that feeds it.',
      );
    }
  }
  return tf.tidy(() => {
    const scale = tf.mul(batchNorm.gamma, tf.rsqrt(tf.add(batchNorm.variance, batchNorm.epsilon))); // [C′]
    const shift = bias === null ? tf.neg(batchNorm.mean) : tf.sub(bias, batchNorm.mean); // [C′]
    return {
      filter: tf.mul(filter, scale) as tf.Tensor4D, // [K_h, K_w, C, C′] · [C′]
      bias: tf.add(tf.mul(shift, scale), batchNorm.beta) as tf.Tensor1D, // [C′]
    };
  });
}
