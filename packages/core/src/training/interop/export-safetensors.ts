import { writeFileAtomic } from '../checkpoint/write-checkpoint.js';
import type { ResNetModel } from '../../model/models/resnet-model.js';
import { residualMetadata, type InferenceData } from './residual-metadata.js';
import { encodeSafetensors } from './safetensors-format.js';
import { toTorchStateDict } from './to-torch-state-dict.js';
import { torchModuleSource, torchvisionModels } from './torch-module-file.js';

/** What {@link exportSafetensors} writes besides the weights. */
export interface ExportSafetensorsOptions {
  /** class names, input shape, normalisation and preprocessing, stored as metadata */
  readonly data: InferenceData;
  /** the value of every batch norm's `num_batches_tracked` (default 0; a checkpoint's optimiser steps) */
  readonly numBatchesTracked?: number;
}

/**
 * Writes a model as a safetensors file in torchvision's names and layouts (see
 * {@link toTorchStateDict}), with Residual's metadata, atomically. For a model torchvision does not
 * define (the CIFAR family, the plain twins) it also writes `<name>.py` beside it: a
 * self-contained PyTorch module defining the same network ({@link torchModuleSource}).
 *
 * @param model - the model.
 * @param out - a path ending in `.safetensors`.
 * @param options - inference data and `numBatchesTracked`.
 * @returns the paths written.
 * @example
 * await exportSafetensors(model, 'resnet20.safetensors', { data }); // ['resnet20.safetensors', 'resnet20.py']
 */
export async function exportSafetensors(model: ResNetModel, out: string, options: ExportSafetensorsOptions): Promise<string[]> {
  const tensors = toTorchStateDict(model.layersModel, { numBatchesTracked: options.numBatchesTracked ?? 0 });
  await writeFileAtomic(out, encodeSafetensors(tensors, residualMetadata(model.config, options.data)));
  if (torchvisionModels.includes(model.config.name)) return [out];
  const module = out.replace(/\.safetensors$/i, '.py');
  await writeFileAtomic(module, await torchModuleSource(model.config));
  return [out, module];
}
