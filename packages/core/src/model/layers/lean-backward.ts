import * as tf from '@tensorflow/tfjs-core';

/** How many {@link withLeanBackward} calls are running (they may nest). */
let leanDepth = 0;

/**
 * Runs `computeGradients` (a `tf.variableGrads` call) so that Residual's training ops free, as
 * soon as their gradient is computed, the gradient they received and the tensors they saved.
 *
 * TF.js's `engine.gradients` keeps both until the whole backward pass ends: every activation's
 * gradient of a ResNet step is alive at once (for ResNet-20 at batch 128, about as much memory as
 * the activations themselves). An op may free them only when nothing else reads them, which holds
 * inside a training step and not in general: a caller of `tf.grads(f)(x, dy)` holds its own `dy`,
 * and higher-order gradients read the saved tensors again. So the ops free them only inside this
 * scope, which {@link trainStep} opens around its one first-order gradient; elsewhere they behave
 * as TF.js's own ops do.
 *
 * @param computeGradients - the gradient computation, run at once
 * @returns what `computeGradients` returns
 * @example
 * const { value, grads } = withLeanBackward(() => tf.variableGrads(() => loss(model.apply(x, { training: true })), variables));
 */
export function withLeanBackward<Result>(computeGradients: () => Result): Result {
  leanDepth += 1;
  try {
    return computeGradients();
  } finally {
    leanDepth -= 1;
  }
}

/**
 * Called by a custom op's gradient function once it has computed its input gradients: inside
 * {@link withLeanBackward}, disposes `dy` and the op's saved tensors (clones TF.js made for this
 * op alone; disposing them again at the end of the pass does nothing). Outside, it does nothing.
 * The gradients the op returns must be new tensors, never `dy` itself (return `tf.clone(dy)`).
 *
 * @param dy - the gradient the op received, its output's shape
 * @param saved - what the op saved for its gradient
 * @example
 * gradFunc: (dy, saved) => {
 *   const dx = tf.tidy(() => tf.mul(dy, tf.step(saved[0])));
 *   releaseAfterGradient(dy, saved);
 *   return dx;
 * }
 */
export function releaseAfterGradient(dy: tf.Tensor | tf.Tensor[], saved: readonly tf.Tensor[]): void {
  if (leanDepth > 0) tf.dispose([...(Array.isArray(dy) ? dy : [dy]), ...saved]);
}
