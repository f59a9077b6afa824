import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { isBatchNormLayer } from '../model/layers/batch-norm.js';

/**
 * Gives every batch norm of a model its own γ, β and running statistics (a fresh layer has γ = 1,
 * β = 0, μ = 0, σ² = 1, which folds to nothing), seeded, so folding them is tested for real.
 *
 * @param model - the TF.js model whose batch norms (TF.js's and Residual's) are set, in place.
 * @param seed - the first of four seeds per batch norm (γ, β, running mean, running variance).
 * @example
 * const model = resnet20();
 * randomizeBatchNorms(model.layersModel, 11); // γ in [−1.5, 1.5), variance in [0.2, 2)
 */
export function randomizeBatchNorms(model: tfl.LayersModel, seed: number): void {
  model.layers
    .filter(isBatchNormLayer)
    .forEach((layer, index) => {
      const shape = layer.getWeights()[0]?.shape ?? [];
      const s = seed + 4 * index;
      layer.setWeights([
        tf.randomUniform(shape, -1.5, 1.5, 'float32', s), // γ (negative flips a channel)
        tf.randomNormal(shape, 0, 0.5, 'float32', s + 1), // β
        tf.randomNormal(shape, 0, 0.5, 'float32', s + 2), // running mean
        tf.randomUniform(shape, 0.2, 2, 'float32', s + 3), // running variance
      ]);
    });
}
