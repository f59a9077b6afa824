import type * as tfl from '@tensorflow/tfjs-layers';
import type { SafetensorsTensor } from './safetensors-format.js';
import { float32Tensor, int64Scalar } from './safetensors-values.js';
import { relayout } from './torch-layout.js';
import { torchWeightNames } from './torch-weight-names.js';

/**
 * A model's weights as a PyTorch `state_dict` in torchvision's names and layouts (see
 * {@link torchWeightNames}), ready for {@link encodeSafetensors}: conv weights OIHW, linear
 * weights `[out, in]`, batch-norm `weight`, `bias`, `running_mean`, `running_var` and
 * `num_batches_tracked`. TF.js does not count batch-norm batches, so `num_batches_tracked` is the
 * number given (the optimiser steps of a checkpoint, 0 for a fresh model); PyTorch reads it only
 * for a batch norm built with `momentum=None`.
 *
 * @param model - the TF.js model.
 * @param options - `numBatchesTracked` (default 0).
 * @returns key → float32 tensor (int64 for `num_batches_tracked`), in layer order.
 * @example
 * const bytes = encodeSafetensors(toTorchStateDict(buildModel('resnet18', { seed: 1 }).layersModel), { format: 'pt' });
 */
export function toTorchStateDict(model: tfl.LayersModel, options: { numBatchesTracked?: number } = {}): Map<string, SafetensorsTensor> {
  const tracked = options.numBatchesTracked ?? 0;
  const tensors = new Map<string, SafetensorsTensor>();
  for (const entry of torchWeightNames(model)) {
    if (entry.variable === undefined) {
      tensors.set(entry.key, int64Scalar(tracked));
      continue;
    }
    const values = entry.variable.read().dataSync() as Float32Array; // read() hands out the variable itself
    tensors.set(entry.key, float32Tensor(entry.torchShape, relayout(values, entry.variable.shape as number[], entry.layout, 'toTorch')));
  }
  return tensors;
}
