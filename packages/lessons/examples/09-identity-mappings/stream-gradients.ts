/**
 * Lesson 9: the gradient of the loss with respect to each block's input, in a deep stack of the
 * original blocks (ReLU after the add) and in its twin of pre-activation blocks.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { basicBlock, batchNorm, dense, globalAvgPool, input, preactBlock, relu, withSeed } from '@residual/core/model';
import { crossEntropy } from '@residual/core/training';

/** Which block the stack repeats. */
export type BlockDesign = 'original' | 'preact';

/** The size of one measurement. */
export interface StreamConfig {
  blocks: number;
  /** height and width of the input */
  size: number;
  channels: number;
  batch: number;
  classes: number;
  seed: number;
}

/** A stack cut into pieces: one model per block, and the head after the last block. */
export interface BlockStack {
  blocks: tfl.LayersModel[];
  head: tfl.LayersModel;
  dispose(): void;
}

/**
 * `blocks` blocks of one design, each its own model so that its input can be reached, then the
 * head: for pre-activation blocks the final BN and ReLU the design needs, then pooling and a dense
 * layer. The same seed gives both designs the same convolution kernels.
 *
 * @param config - depth, sizes, seed
 * @param design - `'original'` or `'preact'`
 * @example
 * const stack = buildStack({ blocks: 16, size: 8, channels: 8, batch: 8, classes: 4, seed: 1 }, 'preact');
 */
export function buildStack(config: StreamConfig, design: BlockDesign): BlockStack {
  const { blocks, size, channels, classes, seed } = config;
  return withSeed(seed, () => {
    const pieces = Array.from({ length: blocks }, (_, index) => {
      const x = input([size, size, channels]); // [N, H, W, C]
      // #region blocks
      const name = `block${index + 1}`;
      const y = design === 'original'
        ? basicBlock(x, { filters: channels, name }) //  relu(x + F(x)):  the ReLU after the add masks both paths
        : preactBlock(x, { filters: channels, name }); // x + F(x):        nothing on the identity path
      // #endregion
      return tfl.model({ inputs: x.tensor, outputs: y.tensor });
    });
    const features = input([size, size, channels]); // [N, H, W, C]
    const last = design === 'preact' ? relu(batchNorm(features, { name: 'final.bn' })) : features;
    const logits = dense(globalAvgPool(last), { units: classes }); // [N, classes]
    const head = tfl.model({ inputs: features.tensor, outputs: logits.tensor });
    return {
      blocks: pieces,
      head,
      dispose: () => {
        for (const piece of pieces) piece.dispose();
        head.dispose();
      },
    };
  });
}

/** The measured gradients, one value per block input, first block first. */
export interface StreamGradients {
  /** ‖∂loss/∂x_l‖ */
  norms: number[];
  /**
   * How much of the last block's input gradient g_L is contained in g_l: ⟨g_l, g_L⟩ / ⟨g_L, g_L⟩,
   * the coefficient of g_L's direction. 1 when g_L arrives unchanged plus terms unrelated to it
   * (Identity Mappings, eq. 5); it shrinks where ReLU masks cut the identity path.
   */
  direct: number[];
}

/**
 * The loss gradient with respect to every block's input, on one seeded batch in training mode: a
 * zero "probe" is added to each block's input, and the gradient with respect to the probe is the
 * gradient with respect to that input.
 *
 * @param stack - a stack from {@link buildStack}
 * @param config - the same config
 * @example
 * (await streamGradients(stack, config)).norms.length; // config.blocks
 */
export async function streamGradients(stack: BlockStack, config: StreamConfig): Promise<StreamGradients> {
  const { blocks, size, channels, batch, classes, seed } = config;
  const [norms, directShares] = tf.tidy(() => {
    const images = tf.randomNormal([batch, size, size, channels], 0, 1, 'float32', seed); // [N, H, W, C]
    const labels = tf.tensor1d(Array.from({ length: batch }, (_, n) => n % classes), 'int32'); // [N]
    const probes = Array.from({ length: blocks }, () => tf.zerosLike(images)); // one [N, H, W, C] per block
    // #region probes
    const loss = (...added: tf.Tensor[]): tf.Scalar => {
      let x: tf.Tensor = images;
      stack.blocks.forEach((block, index) => {
        x = tf.add(x, added[index] ?? tf.scalar(0)); //                  x_l (+ 0)
        x = block.apply(x, { training: true }) as tf.Tensor; //          x_{l+1}
      });
      return crossEntropy(stack.head.apply(x, { training: true }) as tf.Tensor2D, labels);
    };
    const grads = tf.grads(loss)(probes); //                              ∂loss/∂x_l for every l
    // #endregion
    const last = grads[grads.length - 1] ?? tf.scalar(Number.NaN);
    const lastSquared = tf.sum(tf.square(last));
    const direct = tf.stack(grads.map((gradient) => tf.div(tf.sum(tf.mul(gradient, last)), lastSquared))); // [blocks]
    return [tf.stack(grads.map((gradient) => tf.norm(gradient))), direct]; // [blocks], [blocks]
  });
  const values = Array.from(await norms.data());
  const shares = Array.from(await directShares.data());
  tf.dispose([norms, directShares]);
  return { norms: values, direct: shares };
}
