/**
 * Lesson 9: with its last convolution at zero, a pre-activation block is the identity for inputs
 * of either sign; the original block with its last γ and β at zero is relu(x).
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { basicBlock, input, preactBlock, withSeed } from '@residual/core/model';
import { layerWeight, setLayerWeight } from '../shared/layer-weight.js';

/** What {@link identityAnySign} measured on one signed input. */
export interface AnySignResult {
  /** largest |block(x) − x| of the pre-activation block with conv2 = 0 */
  preactMaxDiff: number;
  /** largest |block(x) − x| of the original block with bn2's γ = β = 0 */
  originalMaxDiff: number;
  /** largest |relu(x) − x|, the size of the input's negative part */
  negativePart: number;
}

/**
 * Builds both blocks `[N, 8, 8, 8]`, switches each one's branch off, and compares the output with
 * a random input that has negative entries.
 *
 * @param seed - weights and input
 * @example
 * identityAnySign(1).preactMaxDiff; // 0
 */
export function identityAnySign(seed = 1): AnySignResult {
  const channels = 8;
  const [preact, original] = [preactBlock, basicBlock].map((block) =>
    withSeed(seed, () => {
      const x = input([8, 8, channels]); // [N, H, W, C]
      return tfl.model({ inputs: x.tensor, outputs: block(x, { filters: channels, name: 'block' }).tensor });
    }),
  );
  if (preact === undefined || original === undefined) throw new Error('identityAnySign: both blocks must build, but one did not.');
  try {
    return tf.tidy(() => {
      const x = tf.randomNormal([2, 8, 8, channels], 0, 1, 'float32', seed); // [N, H, W, C], both signs
      // #region zero
      const conv2 = preact.getLayer('block.conv2'); //      the pre-activation branch ends in a convolution
      setLayerWeight(conv2, 'kernel', tf.zerosLike(layerWeight(conv2, 'kernel').read()));
      const bn2 = original.getLayer('block.bn2'); //        the original branch ends in a batch norm
      setLayerWeight(bn2, 'gamma', tf.zeros([channels]));
      setLayerWeight(bn2, 'beta', tf.zeros([channels]));
      const distance = (model: tfl.LayersModel) => tf.max(tf.abs(tf.sub(model.apply(x, { training: true }) as tf.Tensor, x)));
      // #endregion
      const read = (value: tf.Tensor): number => value.dataSync()[0] ?? Number.NaN;
      return {
        preactMaxDiff: read(distance(preact)),
        originalMaxDiff: read(distance(original)),
        negativePart: read(tf.max(tf.abs(tf.sub(tf.relu(x), x)))),
      };
    });
  } finally {
    preact.dispose();
    original.dispose();
  }
}
