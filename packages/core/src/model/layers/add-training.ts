import * as tf from '@tensorflow/tfjs-core';
import { releaseAfterGradient } from './lean-backward.js';

/**
 * The residual add for a training pass: `main + shortcut` for two tensors of one shape, saving
 * nothing for its gradient (`dy` to each input). TF.js's own add keeps both inputs, to read their
 * shapes for broadcasting; the residual add never broadcasts, and its main branch (a batch norm's
 * output) would stay alive only for that. Values and gradients are TF.js's, bit for bit. Inside
 * {@link withLeanBackward} it frees `dy` once it has passed it on.
 *
 * @param main - the residual branch F(x), `[N, H, W, C]`
 * @param shortcut - the shortcut, the same shape
 * @returns `main + shortcut`, the same shape
 * @example
 * const y = reluTraining(addTraining(bn2, x)); // [N, H, W, C]
 */
export function addTraining(main: tf.Tensor, shortcut: tf.Tensor): tf.Tensor {
  if (!tf.util.arraysEqual(main.shape, shortcut.shape)) {
    throw new Error(
      `addTraining: shortcut must have main's shape [${main.shape.join(', ')}], but got [${shortcut.shape.join(', ')}]. ` +
        'Add a projection shortcut (1×1 convolution with the block\'s stride) so both branches agree.',
    );
  }
  const sum = tf.customGrad((a, b) => ({
    value: tf.add(a as tf.Tensor, b as tf.Tensor),
    gradFunc: (dy) => {
      const grads = [tf.clone(dy as tf.Tensor), tf.clone(dy as tf.Tensor)]; // new tensors: TF.js may dispose one input's gradient as it accumulates
      releaseAfterGradient(dy, []);
      return grads;
    },
  }));
  return sum(main, shortcut);
}
