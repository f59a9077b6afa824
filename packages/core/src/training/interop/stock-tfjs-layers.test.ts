import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, test } from 'vitest';
import { randomizeBatchNorms } from '../../testing/randomize-batch-norms.js';
import { input } from '../../model/layers/input.js';
import { withSeed } from '../../model/layers/scope.js';
import { zeroPadShortcut } from '../../model/layers/zero-pad-shortcut.js';
import { buildModel } from '../../model/models/registry.js';
import type { ModelName } from '../../model/models/resnet.js';
import { tfjsModelFiles } from './tfjs-model-files.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

interface ModelJson {
  modelTopology: { config: { layers: { name: string; class_name: string; config: Record<string, unknown>; inbound_nodes: unknown }[] } };
  weightsManifest: { weights: { name: string }[] }[];
}

/** The model as a TF.js app reads the files: the topology's classes, and the weights by name. */
async function loadFiles(files: Map<string, string | Uint8Array>): Promise<tfl.LayersModel> {
  const json = JSON.parse(files.get('model.json') as string) as ModelJson & { weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[] };
  const shards = [...files.values()].filter((file): file is Uint8Array => file instanceof Uint8Array);
  const weights = new Uint8Array(shards.reduce((sum, shard) => sum + shard.length, 0));
  shards.reduce((offset, shard) => (weights.set(shard, offset), offset + shard.length), 0);
  return tfl.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0]?.weights ?? [], weightData: weights.buffer }));
}

const layersOf = (files: Map<string, string | Uint8Array>) => (JSON.parse(files.get('model.json') as string) as ModelJson).modelTopology.config.layers;

describe('stockTfjsLayers', () => {
  test.each<ModelName>(['resnet20a', 'preactResnet20'])(
    '%s: only stock classes, no weight added, and exactly the logits of the model',
    async (name) => {
      const model = buildModel(name, { seed: 4, inputShape: [16, 16, 3] });
      randomizeBatchNorms(model.layersModel, 5);
      const files = await tfjsModelFiles(model.layersModel);
      const layers = layersOf(files);
      expect(layers.filter((layer) => layer.class_name.startsWith('Residual'))).toEqual([]);
      const manifest = (JSON.parse(files.get('model.json') as string) as ModelJson).weightsManifest[0]?.weights ?? [];
      expect(manifest.map((weight) => weight.name)).toEqual(model.layersModel.weights.map((weight) => weight.originalName));
      const loaded = await loadFiles(files);
      expect(loaded.layers.map((layer) => layer.getClassName()).filter((className) => className.startsWith('Residual'))).toEqual([]);
      const x = tf.randomNormal([3, 16, 16, 3], 0, 1, 'float32', 6); // [N, H, W, C]
      const [expected, got] = [model.predict(x), loaded.predict(x) as tf.Tensor];
      expect(await got.data()).toEqual(await expected.data()); // moved values and zeros: no rounding anywhere
      tf.dispose([x, expected, got]);
      model.dispose();
      loaded.dispose();
    },
  );

  test('a batch norm keeps its config and weights under the stock class name', async () => {
    const model = buildModel('resnet20', { seed: 1, inputShape: [8, 8, 3] });
    const layers = layersOf(await tfjsModelFiles(model.layersModel));
    const bn1 = layers.find((layer) => layer.name === 'bn1');
    expect(bn1?.class_name).toBe('BatchNormalization');
    expect(bn1?.config).toMatchObject({ axis: -1, momentum: 0.9, epsilon: 1e-5, center: true, scale: true, name: 'bn1' });
    model.dispose();
  });

  test('a zero-pad shortcut becomes a 1×1 average pool with its stride, then zeros after the channels by Permute + ZeroPadding2D + Permute', async () => {
    const model = buildModel('resnet20a', { seed: 1 });
    const layers = layersOf(await tfjsModelFiles(model.layersModel));
    const at = layers.findIndex((layer) => layer.name === 'layer2.0.downsample.pool');
    expect(layers.slice(at, at + 4)).toEqual([
      {
        name: 'layer2.0.downsample.pool',
        class_name: 'AveragePooling2D',
        config: { pool_size: [1, 1], strides: [2, 2], padding: 'valid', data_format: 'channels_last', name: 'layer2.0.downsample.pool', trainable: true },
        inbound_nodes: [[['layer1.2.relu', 0, 0, {}]]],
      },
      { name: 'layer2.0.downsample.swap', class_name: 'Permute', config: { dims: [3, 2, 1], name: 'layer2.0.downsample.swap', trainable: true }, inbound_nodes: [[['layer2.0.downsample.pool', 0, 0, {}]]] },
      {
        name: 'layer2.0.downsample.pad',
        class_name: 'ZeroPadding2D',
        config: { padding: [[0, 16], [0, 0]], data_format: 'channels_last', name: 'layer2.0.downsample.pad', trainable: true },
        inbound_nodes: [[['layer2.0.downsample.swap', 0, 0, {}]]],
      },
      { name: 'layer2.0.downsample', class_name: 'Permute', config: { dims: [3, 2, 1], name: 'layer2.0.downsample', trainable: true }, inbound_nodes: [[['layer2.0.downsample.pad', 0, 0, {}]]] },
    ]);
    expect(layers.find((layer) => layer.name === 'layer3.0.downsample.pad')?.config['padding']).toEqual([[0, 32], [0, 0]]);
    model.dispose();
  });

  test('a zero-pad shortcut that adds no channels is the average pool alone, under its name', async () => {
    const model = withSeed(1, () => {
      const x = input([8, 8, 4], { name: 'x' });
      return tfl.model({ inputs: x.tensor, outputs: zeroPadShortcut(x, { channels: 4, strides: 2, name: 'shortcut' }).tensor });
    });
    const files = await tfjsModelFiles(model);
    expect(layersOf(files).map((layer) => `${layer.class_name}:${layer.name}`)).toEqual(['InputLayer:x', 'AveragePooling2D:shortcut']);
    const loaded = await loadFiles(files);
    const x = tf.randomNormal([2, 8, 8, 4], 0, 1, 'float32', 7);
    const [expected, got] = [model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor];
    expect(got.shape).toEqual([2, 4, 4, 4]);
    expect(await got.data()).toEqual(await expected.data());
    tf.dispose([x, expected, got]);
    model.dispose();
    loaded.dispose();
  });

  test('a layer of another class of Residual\'s is refused, naming the model and what to export instead', async () => {
    class Doubled extends tfl.layers.Layer {
      static readonly className = 'ResidualDoubled';
      override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
        return tf.mul(Array.isArray(inputs) ? (inputs[0] as tf.Tensor) : inputs, 2);
      }
    }
    const x = tfl.input({ shape: [4], name: 'x' });
    const model = tfl.model({ inputs: x, outputs: new Doubled({ name: 'double' }).apply(x) as tfl.SymbolicTensor, name: 'doubler' });
    await expect(tfjsModelFiles(model)).rejects.toThrow(
      'tfjsModelFiles: layer double must be a stock TF.js layer or one of ResidualBatchNormalization, ResidualPaddedMaxPool2d, ResidualZeroPadShortcut (which have stock equivalents), ' +
        'but got ResidualDoubled. Export doubler as safetensors (--format safetensors) instead.',
    );
    model.dispose();
  });
});
