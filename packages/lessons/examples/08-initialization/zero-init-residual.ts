/**
 * Lesson 8: torchvision's `zero_init_residual` for the library's models — the last batch norm of
 * every residual branch starts with γ = 0 (Goyal et al., "Accurate, Large Minibatch SGD", 2017).
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { setLayerWeight } from '../shared/layer-weight.js';

/**
 * Sets γ = 0 in the last batch norm of every residual branch: `bn2` of a basic block, `bn3` of a
 * bottleneck (the highest-numbered `bnK` under each block's name). The stem's `bn1` and the
 * projection's `downsample.1` are left alone. Only for networks with shortcuts: in a plain network
 * the same zeros would switch every block off.
 *
 * @param model - a ResNet built by the library (block layers named `<block>.bn1` …)
 * @returns the names of the batch norms set to zero
 * @example
 * zeroInitResidual(resnet20().layersModel).length; // 9, one per block
 */
export function zeroInitResidual(model: tfl.LayersModel): string[] {
  // #region zero-init
  const lastBatchNorm = new Map<string, { name: string; index: number }>(); // block name → its last bnK
  for (const layer of model.layers) {
    const match = /^(.+)\.bn(\d)$/.exec(layer.name); //     'layer2.0.bn2' → block 'layer2.0', K = 2
    if (match === null) continue;
    const [, block = '', k = '0'] = match;
    const seen = lastBatchNorm.get(block);
    if (seen === undefined || Number(k) > seen.index) lastBatchNorm.set(block, { name: layer.name, index: Number(k) });
  }
  for (const { name } of lastBatchNorm.values()) {
    const layer = model.getLayer(name);
    const [gamma] = layer.getWeights(); //                   [C]
    if (gamma === undefined) throw new Error(`zeroInitResidual: ${name} must have a γ, but has no weights. Build the model with the library's batchNorm.`);
    tf.tidy(() => setLayerWeight(layer, 'gamma', tf.zerosLike(gamma))); // the branch starts at zero: F(x) = β = 0
  }
  // #endregion
  return [...lastBatchNorm.values()].map(({ name }) => name);
}
