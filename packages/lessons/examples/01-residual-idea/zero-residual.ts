/**
 * Lesson 1: a residual block whose branch ends in zeros is the identity (on non-negative inputs).
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { basicBlock, input, withSeed } from '@residual/core/model';
import { setLayerWeight } from '../shared/layer-weight.js';

/** What {@link zeroResidualCheck} measured. */
export interface ZeroResidualResult {
  /** how many output values were compared */
  values: number;
  /** largest |block(x) − relu(x)| over a random input with negative entries */
  maxDiffRelu: number;
  /** largest |block(x) − x| over a non-negative input */
  maxDiffInput: number;
}

/**
 * Builds a basic block `[N, size, size, channels]`, zeroes the γ and β of its last batch
 * normalization (`bn2`), and compares its output with `relu(x)` and, for `x ≥ 0`, with `x`.
 *
 * @param options - spatial size, channels, batch and seed (small defaults)
 * @example
 * zeroResidualCheck().maxDiffRelu; // 0
 */
export function zeroResidualCheck(options: { size?: number; channels?: number; batch?: number; seed?: number } = {}): ZeroResidualResult {
  const { size = 8, channels = 16, batch = 4, seed = 1 } = options;
  const model = withSeed(seed, () => {
    const x = input([size, size, channels]); // [N, H, W, C]
    return tfl.model({ inputs: x.tensor, outputs: basicBlock(x, { filters: channels, name: 'block' }).tensor });
  });
  try {
    return tf.tidy(() => {
      // #region zero
      // The branch ends in the batch normalization "block.bn2": y = γ · x̂ + β. Set γ = β = 0.
      const bn2 = model.getLayer('block.bn2');
      setLayerWeight(bn2, 'gamma', tf.zeros([channels]));
      setLayerWeight(bn2, 'beta', tf.zeros([channels]));

      const x = tf.randomNormal([batch, size, size, channels], 0, 1, 'float32', seed); // [N, H, W, C]
      const y = model.apply(x, { training: true }) as tf.Tensor; //                    [N, H, W, C]
      const maxDiffRelu = tf.max(tf.abs(tf.sub(y, tf.relu(x)))).dataSync()[0] ?? Number.NaN;

      const nonNegative = tf.relu(x); // like the output of the previous block's ReLU
      const same = model.apply(nonNegative, { training: true }) as tf.Tensor;
      const maxDiffInput = tf.max(tf.abs(tf.sub(same, nonNegative))).dataSync()[0] ?? Number.NaN;
      // #endregion
      return { values: y.size, maxDiffRelu, maxDiffInput };
    });
  } finally {
    model.dispose();
  }
}
