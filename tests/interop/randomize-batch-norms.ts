import * as tf from '@tensorflow/tfjs-core';
import { isBatchNormLayer, type ResNetModel } from '@residual/core';

/**
 * Gives every batch norm of a model its own γ, β and running statistics, seeded (a fresh one has
 * γ = 1, β = 0, μ = 0, σ² = 1), so that a batch norm mapped to the wrong place, or run another
 * way, changes the logits.
 */
export function randomizeBatchNorms(model: ResNetModel, seed: number): void {
  let draw = seed;
  const ranges = [[0.5, 1.5], [-0.2, 0.2], [-0.2, 0.2], [0.5, 1.5]] as const; // gamma, beta, moving_mean, moving_variance
  for (const layer of model.layersModel.layers.filter(isBatchNormLayer)) {
    const shape = layer.getWeights()[0]?.shape ?? [];
    const values = ranges.map(([low, high]) => tf.randomUniform(shape, low, high, 'float32', draw++));
    layer.setWeights(values);
    tf.dispose(values);
  }
}
