import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, test } from 'vitest';
import { input } from '../../model/layers/input.js';
import { maxPool2d } from '../../model/layers/pool2d.js';
import { withSeed } from '../../model/layers/scope.js';
import { buildModel } from '../../model/models/registry.js';
import { tfjsModelFiles } from './tfjs-model-files.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

interface ModelJson {
  format: string;
  modelTopology: { config: { layers: { name: string; class_name: string; inbound_nodes: unknown }[] } };
  weightsManifest: { paths: string[]; weights: { name: string }[] }[];
  userDefinedMetadata?: unknown;
}

describe('TF.js layers-format files', () => {
  test('stock layers only: the ImageNet stem\'s padded max pool becomes ZeroPadding2D + MaxPooling2D; shards of the given size', async () => {
    const model = buildModel('resnet18', { seed: 1, numClasses: 3, inputShape: [32, 32, 3] });
    const files = await tfjsModelFiles(model.layersModel, { metadata: { residual: model.config }, shardBytes: 1 << 20 });
    const json = JSON.parse(files.get('model.json') as string) as ModelJson;
    expect(json.format).toBe('layers-model');
    const layers = json.modelTopology.config.layers;
    const at = layers.findIndex((layer) => layer.name === 'maxpool');
    expect(layers.slice(at - 2, at + 2).map((layer) => `${layer.class_name}:${layer.name}`)).toEqual(['ReLU:relu', 'ZeroPadding2D:maxpool.pad', 'MaxPooling2D:maxpool', 'Conv2D:layer1.0.conv1']);
    expect(layers[at]?.inbound_nodes).toEqual([[['maxpool.pad', 0, 0, {}]]]);
    const paths = json.weightsManifest[0]?.paths ?? [];
    const total = [...files.values()].filter((file) => file instanceof Uint8Array).reduce((sum, file) => sum + file.length, 0);
    expect(paths).toHaveLength(Math.ceil(total / (1 << 20)));
    expect(paths[0]).toBe(`group1-shard1of${paths.length}.bin`);
    expect(json.weightsManifest[0]?.weights.map((weight) => weight.name)).toEqual(model.layersModel.weights.map((weight) => weight.originalName));
    expect(json.userDefinedMetadata).toEqual({ residual: model.config });
    model.dispose();
  });

  test('a padded max pool that may read negative values is refused: zero padding would change its maxima', async () => {
    const model = withSeed(1, () => {
      const x = input([8, 8, 2], { name: 'x' });
      return tfl.model({ inputs: x.tensor, outputs: maxPool2d(x, { poolSize: 3, strides: 2, padding: 1, name: 'pool' }).tensor });
    });
    await expect(tfjsModelFiles(model)).rejects.toThrow(
      'tfjsModelFiles: layer pool must read a ReLU to become stock TF.js layers, but it reads InputLayer. Export models built by @residual/core.',
    );
    model.dispose();
  });
});
