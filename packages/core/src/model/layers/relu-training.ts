import * as tf from '@tensorflow/tfjs-core';
import { releaseAfterGradient } from './lean-backward.js';

/**
 * ReLU for a training pass: `max(0, x)`, whose gradient `dy · step(y)` reads the **output**. TF.js's
 * own ReLU keeps its input for the gradient (`step(x)`, the same 0/1 mask, since y > 0 exactly where
 * x > 0), so behind a batch norm it keeps the batch norm's output alive only for that; the output
 * is kept anyway as the next convolution's input. Values and gradients are TF.js's, bit for bit.
 * Inside {@link withLeanBackward} it frees `dy` and the saved output once its gradient is computed.
 *
 * @param x - any shape, float32
 * @returns `max(0, x)`, the shape of x
 * @example
 * const h = reluTraining(batchNormTraining(conv, gamma, beta, 1e-5).y); // [N, H, W, C]
 */
export function reluTraining(x: tf.Tensor): tf.Tensor {
  const rectify = tf.customGrad((input, save) => {
    const y = tf.relu(input as tf.Tensor);
    (save as tf.GradSaveFunc)([y]);
    return {
      value: y,
      gradFunc: (dy, saved) => {
        const [ySaved] = saved as [tf.Tensor];
        const dx = tf.tidy(() => tf.mul(dy as tf.Tensor, tf.step(ySaved))); // step(y) = step(x): 1 where x > 0, else 0
        releaseAfterGradient(dy, saved);
        return [dx];
      },
    };
  });
  return rectify(x);
}
