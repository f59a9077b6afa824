/**
 * Lesson 2: per-block gradient norms of a deep plain network and of its residual twin.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { basicBlock, dense, globalAvgPool, input, plainBlock, withSeed, type Sym } from '@residual/core/model';
import { crossEntropy } from '@residual/core/training';
import { layerWeight } from '../shared/layer-weight.js';

/** The size of one experiment. */
export interface GradNormConfig {
  /** blocks in the stack */
  blocks: number;
  /** height and width of the input */
  size: number;
  /** channels, the same in every block */
  channels: number;
  batch: number;
  classes: number;
  seed: number;
}

/**
 * A stack of `blocks` basic blocks, with shortcuts (`residual`) or without (`plain`), then global
 * average pooling and a dense layer. The same seed gives both the same weights.
 *
 * @param config - depth, sizes, seed
 * @param kind - `'plain'` or `'residual'`
 * @returns the model; its blocks are named `block1` … `blockN`
 * @example
 * const model = buildStack({ blocks: 8, size: 8, channels: 8, batch: 16, classes: 4, seed: 1 }, 'plain');
 */
export function buildStack(config: GradNormConfig, kind: 'plain' | 'residual'): tfl.LayersModel {
  const { blocks, size, channels, classes, seed } = config;
  return withSeed(seed, () => {
    // #region stack
    const images = input([size, size, channels]); // [N, H, W, C]
    let x: Sym = images;
    for (let index = 1; index <= blocks; index += 1) {
      const name = `block${index}`;
      x = kind === 'residual'
        ? basicBlock(x, { filters: channels, name }) //  relu(F(x) + x)
        : plainBlock(x, { filters: channels, name }); // relu(F(x))
    }
    const logits = dense(globalAvgPool(x), { units: classes }); // [N, classes]
    // #endregion
    return tfl.model({ inputs: images.tensor, outputs: logits.tensor });
  });
}

/**
 * The norm of the loss gradient for the first convolution of every block, on one seeded batch in
 * training mode.
 *
 * @param model - a stack from {@link buildStack}
 * @param config - the same config
 * @returns one norm per block, first block first
 * @example
 * await gradientNorms(model, config); // [2.1, 1.5, …]
 */
export async function gradientNorms(model: tfl.LayersModel, config: GradNormConfig): Promise<number[]> {
  const { blocks, size, channels, batch, classes, seed } = config;
  const norms = tf.tidy(() => {
    // #region norms
    const x = tf.randomNormal([batch, size, size, channels], 0, 1, 'float32', seed); // [N, H, W, C]
    const labels = tf.tensor1d(Array.from({ length: batch }, (_, n) => n % classes), 'int32'); // [N]
    const kernels = Array.from({ length: blocks }, (_, index) =>
      layerWeight(model.getLayer(`block${index + 1}.conv1`), 'kernel').read() as tf.Variable,
    );
    const loss = () => crossEntropy(model.apply(x, { training: true }) as tf.Tensor2D, labels);
    const { grads } = tf.variableGrads(loss, kernels); // ∂loss/∂kernel for each block's conv1
    return tf.stack(kernels.map((kernel) => tf.norm(grads[kernel.name] ?? tf.scalar(Number.NaN)))); // [blocks]
    // #endregion
  });
  const values = Array.from(await norms.data()); // one asynchronous read for all blocks
  norms.dispose();
  return values;
}

/**
 * The ratio of the largest to the smallest norm: 1 when every block gets the same size of update.
 *
 * @param norms - per-block gradient norms
 * @example
 * spread([4, 2, 1]); // 4
 */
export function spread(norms: readonly number[]): number {
  return Math.max(...norms) / Math.min(...norms);
}
