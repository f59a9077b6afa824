/**
 * Lesson 3: how much batch normalization's output for one image depends on the other images in its
 * batch, at several batch sizes; group normalization's does not.
 */
import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '@residual/core/training';
import { groupNorm } from './group-norm.js';

/** The noise measured at one batch size. */
export interface BatchNoise {
  batch: number;
  /** spread of BN's normalized output for the same image over random batch-mates (x̂ has spread 1) */
  batchNorm: number;
  /** the same for group normalization: 0, it never looks at the batch */
  groupNorm: number;
}

/**
 * For each batch size, puts image 0 of a seeded pool into `draws` batches with randomly chosen
 * other images, normalizes each batch (BN in training mode, without γ and β; GN with 4 groups),
 * and measures the standard deviation of image 0's output across the draws, averaged over its
 * values.
 *
 * @param sizes - batch sizes to try
 * @param draws - batches drawn per size
 * @example
 * batchNoise([2, 128], 16); // [{ batch: 2, batchNorm: 0.3…, groupNorm: 0 }, { batch: 128, batchNorm: 0.02…, groupNorm: 0 }]
 */
export function batchNoise(sizes: readonly number[], draws = 16): BatchNoise[] {
  const [pool, size, channels] = [256, 4, 8];
  const rng = Rng.fromSeed(5); // the library's seeded generator: the same batches in Node and every browser
  return tf.tidy(() => {
    // activations as a layer inside a network sees them: channels with their own means and scales
    const channelMean = tf.randomNormal([channels], 2, 1, 'float32', 6);
    const channelScale = tf.randomUniform([channels], 0.5, 3, 'float32', 7);
    const images = tf.add(tf.mul(tf.randomNormal([pool, size, size, channels], 0, 1, 'float32', 8), channelScale), channelMean); // [pool, H, W, C]
    return sizes.map((batch) => {
      const outputs = { batchNorm: [] as tf.Tensor[], groupNorm: [] as tf.Tensor[] };
      for (let draw = 0; draw < draws; draw += 1) {
        const others = Array.from({ length: batch - 1 }, () => 1 + rng.int(pool - 1));
        // #region noise
        const batchOf = tf.gather(images, [0, ...others]) as tf.Tensor4D; //                [B, H, W, C], image 0 first
        const { mean, variance } = tf.moments(batchOf, [0, 1, 2]); //                        the batch's statistics: [C]
        const bn = tf.div(tf.sub(batchOf, mean), tf.sqrt(tf.add(variance, 1e-5))); //     BN's x̂
        outputs.batchNorm.push(tf.slice(bn, [0, 0, 0, 0], [1, -1, -1, -1])); //            image 0's output
        outputs.groupNorm.push(tf.slice(groupNorm(batchOf, 4), [0, 0, 0, 0], [1, -1, -1, -1]));
        // #endregion
      }
      const spread = (list: tf.Tensor[]) => tf.mean(tf.sqrt(tf.moments(tf.concat(list), 0).variance)).dataSync()[0] ?? Number.NaN;
      return { batch, batchNorm: spread(outputs.batchNorm), groupNorm: spread(outputs.groupNorm) };
    });
  });
}
