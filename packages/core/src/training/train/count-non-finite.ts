import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

/** How many values of a model's weights are NaN or infinite, and where the first is. */
export interface NonFiniteCount {
  readonly count: number;
  /** Values in every weight. */
  readonly total: number;
  /** The first weight (in `model.weights` order) holding one, or `null`. */
  readonly first: string | null;
}

/**
 * Counts the NaN and infinite values in every weight of a model — trainable ones and the
 * batch-norm running statistics — with one read-back.
 *
 * @param model - the TF.js model.
 * @returns the count, the number of values, and the first weight holding one.
 * @example
 * const { count, first } = await countNonFinite(model.layersModel); // { count: 0, total: 274042, first: null }
 */
export async function countNonFinite(model: tfl.LayersModel): Promise<NonFiniteCount> {
  const weights = model.weights;
  if (weights.length === 0) return { count: 0, total: 0, first: null };
  const perWeight = tf.tidy(() => tf.stack(weights.map((weight) => tf.sum(tf.cast(tf.logicalNot(tf.isFinite(weight.read())), 'int32'))))); // [W]
  const counts = Array.from(await perWeight.data());
  perWeight.dispose();
  const index = counts.findIndex((count) => count > 0);
  return {
    count: counts.reduce((sum, count) => sum + count, 0),
    total: weights.reduce((sum, weight) => sum + weight.shape.reduce((product: number, dim) => product * (dim as number), 1), 0),
    first: index === -1 ? null : (weights[index] as tfl.LayerVariable).originalName,
  };
}
