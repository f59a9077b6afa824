/**
 * Lesson 7: softmax before cross-entropy — a bug the types cannot see (both are `[N, K]`), and
 * what the project does instead: the loss takes logits.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ResNetModel } from '@residual/core/model';
import { crossEntropy } from '@residual/core/training';

/**
 * The loss of a *perfect* classifier when its outputs are already probabilities and the loss applies
 * softmax again: the floor the loss can never go below.
 *
 * @param classes - K
 * @returns the smallest possible loss with the double softmax (0 would be right)
 * @example
 * doubleSoftmaxFloor(10); // log(e + 9) − 1 ≈ 1.46
 */
export function doubleSoftmaxFloor(classes: number): number {
  return tf.tidy(() => {
    const labels = tf.tensor1d([0], 'int32');
    const perfect = tf.cast(tf.oneHot(labels, classes), 'float32') as tf.Tensor2D; // probability 1 on the label
    return crossEntropy(perfect, labels).dataSync()[0] ?? Number.NaN;
  });
}

/**
 * How much smaller the gradient with respect to the logits is with the extra softmax, on a seeded
 * batch: ‖∂loss/∂z‖ with softmax first, divided by the same without.
 *
 * @param seed - seed of the logits
 * @example
 * gradientRatio(1); // well below 1
 */
export function gradientRatio(seed: number): number {
  return tf.tidy(() => {
    const z = tf.randomNormal([32, 10], 0, 3, 'float32', seed) as tf.Tensor2D; // [N, K] raw scores
    const labels = tf.tensor1d(Array.from({ length: 32 }, (_, n) => n % 10), 'int32');
    // #region bug
    const doubled = tf.grad((logits: tf.Tensor) => crossEntropy(tf.softmax(logits) as tf.Tensor2D, labels)); // softmax, then the loss
    // #endregion
    // #region fix
    const right = tf.grad((logits: tf.Tensor) => crossEntropy(logits as tf.Tensor2D, labels)); // the loss takes logits
    // #endregion
    return (tf.norm(doubled(z)).dataSync()[0] ?? Number.NaN) / (tf.norm(right(z)).dataSync()[0] ?? Number.NaN);
  });
}

/**
 * The activation of a model's last layer (`fc`): `'linear'` means it returns logits, which is
 * what `crossEntropy` expects. A test over the models checks this, since the types cannot.
 *
 * @param model - a built model
 * @example
 * outputActivation(resnet20()); // 'linear'
 */
export function outputActivation(model: ResNetModel): string {
  // #region check
  const config = model.layersModel.getLayer('fc').getConfig();
  return String(config['activation']); // 'linear': logits; 'softmax' would be the bug
  // #endregion
}
