import type * as tfl from '@tensorflow/tfjs-layers';
import { ResidualBatchNormalization } from '../../model/layers/batch-norm.js';
import { PaddedMaxPool2d } from '../../model/layers/padded-max-pool-layer.js';
import { ZeroPadShortcut } from '../../model/layers/zero-pad-shortcut.js';

/** One layer of a Keras/TF.js model topology, as `model.save` writes it. */
export interface LayerJson {
  name: string;
  class_name: string;
  config: Record<string, unknown>;
  inbound_nodes: Array<Array<[string, number, number, Record<string, unknown>]>>;
}

/** What a rewrite may read besides the layer: the other layers by name, and the model itself. */
interface RewriteContext {
  readonly byName: ReadonlyMap<string, LayerJson>;
  readonly model: tfl.LayersModel;
}

/**
 * Residual's batch norm (`ResidualBatchNormalization`) differs from tfjs-layers' only in how it
 * trains; its config and weights are the stock layer's, and in inference it runs the stock code.
 */
function stockBatchNorm(layer: LayerJson): LayerJson[] {
  return [{ ...layer, class_name: 'BatchNormalization' }];
}

/**
 * Residual's padded max pool (`ResidualPaddedMaxPool2d`, PyTorch's `MaxPool2d(3, 2, 1)`) becomes
 * `ZeroPadding2D` then a 'valid' `MaxPooling2D`. Padding with zeros instead of −∞ gives the same
 * maxima only when the input is never negative, so the pool must read a ReLU (as the ImageNet
 * stem's does); anything else is refused.
 */
function stockPaddedMaxPool(layer: LayerJson, { byName }: RewriteContext): LayerJson[] {
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
}

/**
 * The zero-pad shortcut (`ResidualZeroPadShortcut`, the paper's option A) becomes stock layers that
 * move values and add zeros, with no arithmetic and no weights, so its output is exactly the
 * layer's and the model keeps the paper's parameter count:
 * `AveragePooling2D` 1×1 with the stride, 'valid' (every stride-th row and column, as the layer
 * itself subsamples), then, when channels are added, `Permute([3, 2, 1])` (`[N, C, W, H]`),
 * `ZeroPadding2D` of the first spatial axis, now the channels, at its end (zeros after the input's
 * channels, as the layer puts them), and `Permute([3, 2, 1])` back (`[N, H, W, C′]`).
 */
function stockZeroPadShortcut(layer: LayerJson, { model }: RewriteContext): LayerJson[] {
  const strides = layer.config['strides'] as number;
  const channels = layer.config['channels'] as number;
  const inputChannels = (model.getLayer(layer.name).input as tfl.SymbolicTensor).shape[3];
  if (typeof inputChannels !== 'number') {
    throw new Error(`tfjsModelFiles: layer ${layer.name} must read a known number of channels, but got ${String(inputChannels)}. Build the model with a known input shape.`);
  }
  const extra = channels - inputChannels;
  const pool = extra === 0 ? layer.name : `${layer.name}.pool`;
  const subsample: LayerJson = {
    name: pool,
    class_name: 'AveragePooling2D',
    config: { pool_size: [1, 1], strides: [strides, strides], padding: 'valid', data_format: 'channels_last', name: pool, trainable: true },
    inbound_nodes: layer.inbound_nodes,
  };
  if (extra === 0) return [subsample];
  const [swap, pad] = [`${layer.name}.swap`, `${layer.name}.pad`];
  return [
    subsample, // [N, H/S, W/S, C]
    { name: swap, class_name: 'Permute', config: { dims: [3, 2, 1], name: swap, trainable: true }, inbound_nodes: [[[pool, 0, 0, {}]]] }, // [N, C, W/S, H/S]
    {
      name: pad,
      class_name: 'ZeroPadding2D',
      config: { padding: [[0, extra], [0, 0]], data_format: 'channels_last', name: pad, trainable: true },
      inbound_nodes: [[[swap, 0, 0, {}]]],
    }, // [N, channels, W/S, H/S]
    { name: layer.name, class_name: 'Permute', config: { dims: [3, 2, 1], name: layer.name, trainable: true }, inbound_nodes: [[[pad, 0, 0, {}]]] }, // [N, H/S, W/S, channels]
  ];
}

/** Residual's layer classes, each with the stock layers that compute the same. */
const rewrites: ReadonlyMap<string, (layer: LayerJson, context: RewriteContext) => LayerJson[]> = new Map([
  [ResidualBatchNormalization.className, stockBatchNorm],
  [PaddedMaxPool2d.className, stockPaddedMaxPool],
  [ZeroPadShortcut.className, stockZeroPadShortcut],
]);

/**
 * A model topology's layers (`modelTopology.config.layers` of `model.save`) with Residual's own
 * layer classes replaced by stock tfjs-layers ones that compute the same outputs from the same
 * weights, so that any TF.js app loads it without `@residual/core`: `ResidualBatchNormalization`
 * → `BatchNormalization`; `ResidualPaddedMaxPool2d` → `ZeroPadding2D` + `MaxPooling2D` (after a
 * ReLU); `ResidualZeroPadShortcut` → `AveragePooling2D` 1×1 + `Permute` + `ZeroPadding2D` +
 * `Permute`. The last layer of each replacement keeps the layer's name, so the layers that read it
 * need no change.
 *
 * @param layers - the topology's layers.
 * @param model - the model they were saved from (for shapes the topology does not store).
 * @returns the layers in stock classes.
 * @throws Error naming a layer of another class of Residual's.
 * @example
 * const stock = stockTfjsLayers(topology.config.layers, model);
 */
export function stockTfjsLayers(layers: readonly LayerJson[], model: tfl.LayersModel): LayerJson[] {
  const context: RewriteContext = { byName: new Map(layers.map((layer) => [layer.name, layer])), model };
  return layers.flatMap((layer): LayerJson[] => {
    const rewrite = rewrites.get(layer.class_name);
    if (rewrite !== undefined) return rewrite(layer, context);
    if (layer.class_name.startsWith('Residual')) {
      throw new Error(
        `tfjsModelFiles: layer ${layer.name} must be a stock TF.js layer or one of ${[...rewrites.keys()].join(', ')} (which have stock equivalents), ` +
          `but got ${layer.class_name}. Export ${model.name} as safetensors (--format safetensors) instead.`,
      );
    }
    return [layer];
  });
}
