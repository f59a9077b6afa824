/**
 * Lesson 7: ReLU before the add — a design bug the types cannot see (the shapes are right), and
 * the property that does see it.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { add, basicBlock, batchNorm, conv2d, input, relu, withSeed } from '@residual/core/model';

/**
 * A basic block with the ReLU of its branch applied before the add.
 *
 * @returns the block as a model, `[N, 8, 8, 8]` → `[N, 8, 8, 8]`
 * @example
 * reluBeforeAddBlock(1).outputs[0]?.shape; // [null, 8, 8, 8]
 */
export function reluBeforeAddBlock(seed: number): tfl.LayersModel {
  return withSeed(seed, () => {
    // #region bug
    const x = input([8, 8, 8]); //                                               [N, 8, 8, 8]
    const h = relu(batchNorm(conv2d(x, { filters: 8, kernelSize: 3, padding: 1, useBias: false })));
    const branch = relu(batchNorm(conv2d(h, { filters: 8, kernelSize: 3, padding: 1, useBias: false }))); // ≥ 0
    const out = relu(add(branch, x)); // compiles: both are [N, 8, 8, 8]
    // #endregion
    return tfl.model({ inputs: x.tensor, outputs: out.tensor });
  });
}

/**
 * The library's block (ReLU after the add, as torchvision) with the same weights as `model`.
 *
 * @param model - a model from {@link reluBeforeAddBlock}
 * @returns the correct block, `[N, 8, 8, 8]` → `[N, 8, 8, 8]`
 */
export function correctBlockWithSameWeights(model: tfl.LayersModel): tfl.LayersModel {
  const correct = withSeed(0, () => {
    const x = input([8, 8, 8]);
    return tfl.model({ inputs: x.tensor, outputs: basicBlock(x, { filters: 8 }).tensor });
  });
  correct.setWeights(model.getWeights()); // conv1, bn1, conv2, bn2: the same order in both
  return correct;
}

/**
 * The smallest change `block(x) − x` over a random non-negative input (block inputs are outputs
 * of a ReLU). With the ReLU before the add it can never be negative: the block can only add.
 *
 * @param model - a block `[N, 8, 8, 8]` → `[N, 8, 8, 8]`
 * @param seed - seed of the input
 * @example
 * smallestChange(reluBeforeAddBlock(1), 2); // ≥ 0
 */
export function smallestChange(model: tfl.LayersModel, seed: number): number {
  return tf.tidy(() => {
    // #region property
    const x = tf.relu(tf.randomNormal([4, 8, 8, 8], 0, 1, 'float32', seed)); // a block's input: ≥ 0
    const change = tf.sub(model.apply(x, { training: true }) as tf.Tensor, x); // block(x) − x
    return tf.min(change).dataSync()[0] ?? Number.NaN; // ≥ 0 for every input: the bug
    // #endregion
  });
}
