import { readFile } from 'node:fs/promises';
import type * as tf from '@tensorflow/tfjs-core';
import { DataError } from '../data/data-error.js';
import type { ResNetConfig, ResNetModel } from '../../model/models/resnet-model.js';
import { buildModel, isModelName, modelNames } from '../../model/models/registry.js';
import { resnetSpecs } from '../../model/models/resnet.js';
import { defaultInferenceData } from './default-inference-data.js';
import { loadTorchStateDict } from './load-torch-state-dict.js';
import { readResidualMetadata, type InferenceData } from './residual-metadata.js';
import { decodeSafetensors } from './safetensors-format.js';

/** A model read from a safetensors file, in the shape `residual eval` and `predict` use for checkpoints. */
export interface ImportedModel {
  readonly file: string;
  /** the architecture and what inference needs (from the file's metadata, or the family's defaults) */
  readonly header: { readonly model: ResNetConfig; readonly data: InferenceData };
  readonly model: ResNetModel;
  /** always empty: a safetensors file carries no optimiser state */
  readonly optimizerState: tf.Tensor[];
  /** true when the file had no `residual.data` metadata and the family's defaults were used */
  readonly defaults: boolean;
}

/**
 * True for a path that names a safetensors file (`.safetensors`, any case).
 *
 * @example
 * isSafetensorsFile('resnet18.safetensors'); // true
 */
export function isSafetensorsFile(path: string): boolean {
  return path.toLowerCase().endsWith('.safetensors');
}

/**
 * Reads a safetensors file in torchvision's names and layouts (written by `residual export`, by
 * `safetensors.torch.save_file(model.state_dict(), …)`, or converted from timm/torchvision), builds
 * the model and loads the weights strictly. The architecture is `model` or the file's
 * `residual.model` metadata; the number of classes comes from `fc.weight` and the input channels
 * from `conv1.weight`. Class names, normalisation and preprocessing come from the file's
 * `residual.data` metadata, else from {@link defaultInferenceData}. The file is checked before
 * use (header, offsets, dtypes, every key and shape).
 *
 * @param file - a `.safetensors` path.
 * @param options - `model`: a registered model name (needed when the file does not name one).
 * @returns the model, its config and inference data.
 * @throws DataError naming the file and what is wrong with it.
 * @example
 * const { model, header } = await loadSafetensorsModel('resnet18.safetensors', { model: 'resnet18' });
 */
export async function loadSafetensorsModel(file: string, options: { model?: string | undefined } = {}): Promise<ImportedModel> {
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new DataError(`load: ${file} must be a readable file, but got ${error.code ?? error.message}. Check the path.`);
  });
  const { tensors, metadata } = decodeSafetensors(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), file);
  const stored = readResidualMetadata(metadata, file);
  const name = options.model ?? stored.config?.name;
  if (name === undefined) {
    throw new DataError(`load: ${file} must come with --model <name> (it does not name its architecture), but got none. Example: --model resnet18.`);
  }
  if (!isModelName(name)) {
    throw new DataError(`load: --model must be one of ${modelNames.join(', ')}, but got ${JSON.stringify(name)}.`);
  }
  if (stored.config !== undefined && stored.config.name !== name) {
    throw new DataError(`load: --model must match the architecture ${file} names (${stored.config.name}), but got ${name}. Leave --model out or pass ${stored.config.name}.`);
  }
  const spec = resnetSpecs[name];
  const classes = tensors.get('fc.weight')?.shape[0] ?? stored.config?.numClasses ?? spec.defaultNumClasses;
  const channels = tensors.get('conv1.weight')?.shape[1] ?? spec.defaultInputShape[2];
  const [height, width] = stored.config?.inputShape ?? stored.data?.imageShape ?? spec.defaultInputShape;
  const model = buildModel(name, { numClasses: classes, inputShape: [height, width, channels] });
  try {
    loadTorchStateDict(model.layersModel, tensors, file);
  } catch (error) {
    model.dispose();
    throw error;
  }
  const data = stored.data ?? (await defaultInferenceData(model.config));
  return { file, header: { model: model.config, data }, model, optimizerState: [], defaults: stored.data === undefined };
}
