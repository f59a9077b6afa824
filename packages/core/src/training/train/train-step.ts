import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { countCorrect, crossEntropy } from './cross-entropy.js';
import { withLeanBackward } from '../../model/layers/lean-backward.js';
import type { Optimizer } from './optimizer.js';

/** Options of one {@link trainStep}. */
export interface TrainStepOptions {
  /** The learning rate of this update. */
  readonly lr: number;
  /** Label smoothing ε; default 0. */
  readonly labelSmoothing?: number;
}

/**
 * One optimisation step: forward pass with batch normalisation in **training mode** (batch
 * statistics, running averages updated), cross-entropy on the logits, gradients of every trainable
 * weight (inside {@link withLeanBackward}, so each activation's gradient is freed once used), and
 * the optimiser's update. Nothing is read back: the caller decides when to wait for
 * the scalars (one readback per step is enough to time it).
 *
 * @param model - the TF.js model (`ResNetModel.layersModel`).
 * @param optimizer - holds the trainable variables and their state.
 * @param x - `[N, H, W, C]` normalised images.
 * @param labels - `[N]` int32 class indices.
 * @param options - learning rate and label smoothing.
 * @returns `[loss, correct]` as one float32 tensor of 2 values (the caller disposes it).
 * @example
 * const stats = trainStep(model.layersModel, optimizer, x, labels, { lr: 0.1 });
 * const [loss, correct] = await stats.data();
 */
export function trainStep(
  model: tfl.LayersModel,
  optimizer: Optimizer,
  x: tf.Tensor4D,
  labels: tf.Tensor1D,
  options: TrainStepOptions,
): tf.Tensor1D {
  return tf.tidy(() => {
    let correct: tf.Scalar | undefined;
    // Lean: Residual's batch norm, ReLU and add free each activation's gradient once used.
    const { value, grads } = withLeanBackward(() =>
      tf.variableGrads(() => {
        const logits = model.apply(x, { training: true }) as tf.Tensor2D; // [N, K]
        correct = tf.keep(countCorrect(logits, labels));
        return crossEntropy(logits, labels, options.labelSmoothing ?? 0);
      }, optimizer.variables as tf.Variable[]),
    );
    optimizer.apply(
      optimizer.variables.map((variable) => grads[variable.name] as tf.Tensor),
      options.lr,
    );
    const stats = tf.stack([value, correct as tf.Scalar]) as tf.Tensor1D;
    correct?.dispose(); // kept above to outlive the gradient scope
    return stats;
  });
}
