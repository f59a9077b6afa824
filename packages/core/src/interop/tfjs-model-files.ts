import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

/** One layer of a Keras/TF.js model topology, as `model.save` writes it. */
interface LayerJson {
  name: string;
  class_name: string;
  config: Record<string, unknown>;
  inbound_nodes: Array<Array<[string, number, number, Record<string, unknown>]>>;
}

/** The 4 MB shards of the TF.js converter. */
export const defaultShardBytes = 4 * 1024 * 1024;

/**
 * Rewrites Residual's own padded max pool (`ResidualPaddedMaxPool2d`, PyTorch's `MaxPool2d(3, 2, 1)`)
 * into stock layers every TF.js app knows: `ZeroPadding2D` then a 'valid' `MaxPooling2D`. Padding
 * with zeros instead of −∞ gives the same maxima only when the input is never negative, so the
 * pool must read a ReLU (as the ImageNet stem's does); anything else is refused.
 */
function stockLayers(layers: readonly LayerJson[]): LayerJson[] {
  const byName = new Map(layers.map((layer) => [layer.name, layer]));
  return layers.flatMap((layer): LayerJson[] => {
    if (layer.class_name !== 'ResidualPaddedMaxPool2d') return [layer];
    const source = byName.get(layer.inbound_nodes[0]?.[0]?.[0] ?? '');
    if (source?.class_name !== 'ReLU') {
      throw new Error(
        `tfjsModelFiles: layer ${layer.name} must read a ReLU to become stock TF.js layers, but it reads ${source?.class_name ?? 'nothing'}. ` +
          'Export models built by @residual/core.',
      );
    }
    const padding = layer.config['padding'] as number;
    const pad = `${layer.name}.pad`;
    return [
      {
        name: pad,
        class_name: 'ZeroPadding2D',
        config: { padding: [[padding, padding], [padding, padding]], data_format: 'channels_last', name: pad, trainable: true },
        inbound_nodes: layer.inbound_nodes,
      },
      {
        name: layer.name,
        class_name: 'MaxPooling2D',
        config: { pool_size: layer.config['pool_size'], strides: layer.config['strides'], padding: 'valid', data_format: 'channels_last', name: layer.name, trainable: true },
        inbound_nodes: [[[pad, 0, 0, {}]]],
      },
    ];
  });
}

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
 * it with `tf.loadLayersModel('<url>/model.json')` — it uses only stock layers (the ImageNet
 * stem's padded max pool becomes `ZeroPadding2D` + `MaxPooling2D`) — and gets the same logits.
 * Batch norms are stored as they are (not folded).
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
  const portable = { ...topology, config: { ...topology.config, layers: stockLayers(topology.config.layers) } };
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
