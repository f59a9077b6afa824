/**
 * Lesson 8: the size of the signal block by block in a stack of residual blocks at initialization
 * — with the usual γ = 1, with γ = 0 in each branch's last batch norm, and in the plain twin.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { basicBlock, input, plainBlock, withSeed, type Sym } from '@residual/core/model';
import { zeroInitResidual } from './zero-init-residual.js';

/** The three networks compared. */
export type StreamVariant = 'residual' | 'zero-gamma' | 'plain';

/** The size of one measurement. */
export interface StreamScaleConfig {
  blocks: number;
  size: number;
  channels: number;
  batch: number;
  seed: number;
}

/** What one network does to the signal, one value per block, first block first. */
export interface StreamScale {
  /** RMS of the block's output ÷ RMS of the stack's input */
  rms: number[];
  /** ‖x_{l+1} − x_l‖ / ‖x_l‖: how much the block changes what it receives */
  change: number[];
}

/**
 * Runs one seeded, non-negative batch (like the output of a stem's ReLU) through `blocks` basic
 * blocks in training mode and measures each block's output.
 *
 * @param config - depth, sizes, seed
 * @param variant - `'residual'` (γ = 1), `'zero-gamma'` (last γ of each branch = 0) or `'plain'`
 * @example
 * (await streamScale({ blocks: 16, size: 8, channels: 8, batch: 8, seed: 1 }, 'residual')).rms.at(-1); // grows with depth
 */
export async function streamScale(config: StreamScaleConfig, variant: StreamVariant): Promise<StreamScale> {
  const { blocks, size, channels, batch, seed } = config;
  const model = withSeed(seed, () => {
    const images = input([size, size, channels]); // [N, H, W, C]
    const outputs: Sym[] = [];
    let x: Sym = images;
    for (let index = 1; index <= blocks; index += 1) {
      const name = `block${index}`;
      x = variant === 'plain' ? plainBlock(x, { filters: channels, name }) : basicBlock(x, { filters: channels, name });
      outputs.push(x);
    }
    return tfl.model({ inputs: images.tensor, outputs: outputs.map((output) => output.tensor) });
  });
  try {
    if (variant === 'zero-gamma') zeroInitResidual(model);
    const [rms, change] = tf.tidy(() => {
      // #region measure
      const x = tf.relu(tf.randomNormal([batch, size, size, channels], 0, 1, 'float32', seed)); // [N, H, W, C], ≥ 0
      const outputs = model.apply(x, { training: true }) as tf.Tensor[]; //  x_1 … x_L
      const inputs = [x, ...outputs.slice(0, -1)]; //                          what each block received
      const rootMeanSquare = (tensor: tf.Tensor) => tf.sqrt(tf.mean(tf.square(tensor)));
      const relativeChange = (output: tf.Tensor, index: number) => {
        const received = inputs[index] ?? x;
        return tf.div(tf.norm(tf.sub(output, received)), tf.norm(received)); // ‖x_{l+1} − x_l‖ / ‖x_l‖
      };
      // #endregion
      return [tf.stack(outputs.map((output) => tf.div(rootMeanSquare(output), rootMeanSquare(x)))), tf.stack(outputs.map(relativeChange))];
    });
    const result = { rms: Array.from(await rms.data()), change: Array.from(await change.data()) };
    tf.dispose([rms, change]);
    return result;
  } finally {
    model.dispose();
  }
}
