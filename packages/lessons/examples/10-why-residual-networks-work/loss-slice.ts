/**
 * Lesson 10: a one-dimensional slice of the loss around trained weights, along a random direction
 * scaled filter by filter (Li, Xu, Taylor, Studer and Goldstein, "Visualizing the Loss Landscape of
 * Neural Nets", 2018, §4).
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { crossEntropy } from '@residual/core/training';

/**
 * A random direction for one weight, with each filter scaled to the norm of the same filter in the
 * weight: per output channel of a convolution kernel `[K, K, Cin, Cout]`, per output unit of a
 * dense kernel `[in, out]`. Vectors (biases, batch-norm γ and β) are not moved.
 *
 * @param weight - the trained weight
 * @param seed - seed of the random direction
 * @returns the direction, the weight's shape
 * @example
 * filterNormalizedDirection(kernel, 1); // same shape; each filter has the kernel filter's norm
 */
export function filterNormalizedDirection(weight: tf.Tensor, seed: number): tf.Tensor {
  return tf.tidy(() => {
    if (weight.rank < 2) return tf.zerosLike(weight);
    // #region direction
    const random = tf.randomNormal(weight.shape, 0, 1, 'float32', seed);
    const axes = Array.from({ length: weight.rank - 1 }, (_, axis) => axis); // all but the last: one filter each
    const filterNorm = (tensor: tf.Tensor) => tf.sqrt(tf.sum(tf.square(tensor), axes, true)); // [1, …, 1, Cout]
    return tf.mul(random, tf.div(filterNorm(weight), filterNorm(random))); // d_j · ‖θ_j‖ / ‖d_j‖
    // #endregion
  });
}

/**
 * The training loss of `model` on `data` at `θ* + α · d` for each α, with `d` a filter-normalized
 * random direction. Batch norms use the statistics of `data` itself, as in training (after a short
 * training their running averages are not settled yet); this also moves those running averages, so
 * use the model for nothing else afterwards. The trained weights are restored.
 *
 * @param model - a trained model
 * @param data - images `[N, H, W, C]` and labels `[N]`
 * @param alphas - the steps along the direction, e.g. −1 … 1
 * @param seed - seed of the direction
 * @returns one loss per α
 * @example
 * await lossSlice(model, data, [-1, 0, 1], 7); // [2.9, 0.01, 3.4]
 */
export async function lossSlice(
  model: tfl.LayersModel,
  data: { x: tf.Tensor4D; labels: tf.Tensor1D },
  alphas: readonly number[],
  seed: number,
): Promise<number[]> {
  const weights = model.trainableWeights;
  const trained = weights.map((weight) => tf.clone(weight.read()));
  const directions = trained.map((value, index) => filterNormalizedDirection(value, seed + index));
  const losses: tf.Tensor[] = [];
  try {
    for (const alpha of alphas) {
      // #region slice
      weights.forEach((weight, index) => {
        if ((trained[index]?.rank ?? 0) < 2) return; // biases, γ and β do not move (their direction is 0)
        const moved = tf.tidy(() => tf.add(trained[index] as tf.Tensor, tf.mul(directions[index] as tf.Tensor, alpha))); // θ* + α·d
        weight.write(moved);
        moved.dispose(); // the variable holds its own copy
      });
      losses.push(tf.tidy(() => crossEntropy(model.apply(data.x, { training: true }) as tf.Tensor2D, data.labels))); // batch statistics
      // #endregion
    }
    const all = tf.stack(losses); // [points]: one read for the whole slice
    const values = Array.from(await all.data());
    all.dispose();
    return values;
  } finally {
    weights.forEach((weight, index) => weight.write(trained[index] as tf.Tensor));
    tf.dispose([...trained, ...directions, ...losses]);
  }
}
