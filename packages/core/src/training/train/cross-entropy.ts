import * as tf from '@tensorflow/tfjs-core';

/**
 * Mean cross-entropy of logits against integer labels, computed from the logits with a
 * log-softmax (never a softmax first, which loses precision for confident predictions).
 * With `labelSmoothing` ε the target puts `1 − ε + ε/K` on the label and `ε/K` elsewhere, as
 * PyTorch's `CrossEntropyLoss(label_smoothing=ε)`.
 *
 * @param logits - `[N, K]` raw class scores.
 * @param labels - `[N]` int32 class indices.
 * @param labelSmoothing - ε in [0, 1); default 0.
 * @returns the mean loss, a scalar.
 * @example
 * const loss = crossEntropy(model.apply(x, { training: true }) as tf.Tensor2D, labels); // scalar
 */
export function crossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D, labelSmoothing = 0): tf.Scalar {
  return tf.tidy(() => {
    const classes = logits.shape[1];
    const target = tf.oneHot(labels, classes); // [N, K]
    const smoothed = labelSmoothing > 0 ? tf.add(tf.mul(target, 1 - labelSmoothing), labelSmoothing / classes) : target;
    const logProbabilities = tf.logSoftmax(logits); // [N, K]
    return tf.neg(tf.mean(tf.sum(tf.mul(smoothed, logProbabilities), 1))) as tf.Scalar;
  });
}

/**
 * How many rows' largest logit is the label.
 *
 * @param logits - `[N, K]`.
 * @param labels - `[N]` int32.
 * @returns the count, a scalar (float32).
 * @example
 * countCorrect(logits, labels).dataSync()[0]; // e.g. 23
 */
export function countCorrect(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'float32')) as tf.Scalar);
}
