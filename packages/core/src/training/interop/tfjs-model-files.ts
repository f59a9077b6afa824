import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { stockTfjsLayers, type LayerJson } from './stock-tfjs-layers.js';

/** The 4 MB shards of the TF.js converter. */
export const defaultShardBytes = 4 * 1024 * 1024;

function joinWeights(data: tf.io.WeightData | undefined): Uint8Array {
  const buffers = data === undefined ? [] : Array.isArray(data) ? data : [data];
  const bytes = new Uint8Array(buffers.reduce((sum, buffer) => sum + buffer.byteLength, 0));
  let offset = 0;
  for (const buffer of buffers) {
    bytes.set(new Uint8Array(buffer), offset);
    offset += buffer.byteLength;
  }
  return bytes;
}

/**
 * A model in TF.js's own layers format, as files: `model.json` (topology, weights manifest and
 * `userDefinedMetadata`) and binary weight shards `group1-shard<i>of<n>.bin`. Any TF.js app loads
 * it with `tf.loadLayersModel('<url>/model.json')` — it uses only stock layers (see
 * {@link stockTfjsLayers}: batch norms become `BatchNormalization`, the ImageNet stem's padded max
 * pool `ZeroPadding2D` + `MaxPooling2D`, option A's zero-pad shortcut a 1×1 `AveragePooling2D`
 * with its stride and zero channels by `Permute` + `ZeroPadding2D` + `Permute`) — and gets the same
 * logits. Batch norms are stored as they are (not folded); no weight is added.
 *
 * @param model - the TF.js model.
 * @param options - `metadata` for `userDefinedMetadata`; `shardBytes` (default 4 MB).
 * @returns file name → contents (text for `model.json`, bytes for shards).
 * @example
 * const files = await tfjsModelFiles(model.layersModel, { metadata: { residual: model.config } });
 */
export async function tfjsModelFiles(
  model: tfl.LayersModel,
  options: { metadata?: Record<string, unknown>; shardBytes?: number } = {},
): Promise<Map<string, string | Uint8Array>> {
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (saved) => {
      artifacts = saved;
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(saved) };
    }),
  );
  if (artifacts === undefined) throw new Error('tfjsModelFiles: model.save must hand over the artifacts, but it did not. This is a bug in @residual/core.');
  const topology = artifacts.modelTopology as { config: { layers: LayerJson[] } };
  const portable = { ...topology, config: { ...topology.config, layers: stockTfjsLayers(topology.config.layers, model) } };
  const weights = joinWeights(artifacts.weightData);
  const shardBytes = options.shardBytes ?? defaultShardBytes;
  const count = Math.max(Math.ceil(weights.length / shardBytes), 1);
  const files = new Map<string, string | Uint8Array>();
  const paths = Array.from({ length: count }, (_, index) => `group1-shard${index + 1}of${count}.bin`);
  const json = {
    format: 'layers-model',
    generatedBy: artifacts.generatedBy,
    convertedBy: 'Residual (residual export --format tfjs)',
    modelTopology: portable,
    weightsManifest: [{ paths, weights: artifacts.weightSpecs }],
    ...(options.metadata === undefined ? {} : { userDefinedMetadata: options.metadata }),
  };
  files.set('model.json', JSON.stringify(json));
  paths.forEach((path, index) => files.set(path, weights.subarray(index * shardBytes, (index + 1) * shardBytes)));
  return files;
}
