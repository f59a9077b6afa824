// The pre-activation CIFAR ResNets (He et al. 2016, "Identity Mappings in Deep Residual Networks"):
// the v2 layout and the parameter count, from the built models.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildModel, countMacs, countParams, type ModelName } from '@residual/core';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('preactResnet20/56/110', () => {
  test.each(['20', '56', '110'])('preactResnet%s: the v2 layout (stem conv alone; BN + ReLU before pooling)', (depth) => {
    const model = buildModel(`preactResnet${depth}` as ModelName, { seed: 1 });
    try {
      const names = model.layersModel.layers.map((layer) => layer.name);
      expect(names.slice(0, 3)).toEqual(['input', 'conv1', 'layer1.0.bn1']);
      expect(names.slice(-4)).toEqual(['bn_final', 'relu_final', 'avgpool', 'fc']);
      const blocks = (Number(depth) - 2) / 2; // two convs per block
      expect(names.filter((name) => name.endsWith('.add'))).toHaveLength(blocks);
      // No ReLU reads a block's sum, except the final one after the last block.
      const classOf = (name: string) => model.layersModel.getLayer(name).getClassName();
      expect(names.filter((name) => /^layer\d\.\d+\.relu$/.test(name))).toEqual([]);
      expect(names.filter((name) => name.includes('downsample')).map(classOf)).toEqual(['ResidualZeroPadShortcut', 'ResidualZeroPadShortcut']);
    } finally {
      model.dispose();
    }
  });

  test.each(['20', '56', '110'])('preactResnet%s has exactly the parameters and MACs of its option-A and plain twins', (depth) => {
    const [preact, original, plain] = [`preactResnet${depth}`, `resnet${depth}a`, `plain${depth}`].map((name) => buildModel(name as ModelName, { seed: 1 }));
    try {
      expect(countParams(preact!)).toEqual(countParams(original!));
      expect(countParams(preact!)).toEqual(countParams(plain!));
      expect(countMacs(preact!)).toBe(countMacs(original!));
    } finally {
      for (const model of [preact, original, plain]) model?.dispose();
    }
  });

  test('predicts logits of the right shape', () => {
    const model = buildModel('preactResnet20', { seed: 2, numClasses: 4 });
    const logits = model.predict(tf.randomNormal([3, 32, 32, 3], 0, 1, 'float32', 1));
    expect(logits.shape).toEqual([3, 4]);
    expect(Array.from(logits.dataSync()).every(Number.isFinite)).toBe(true);
    logits.dispose();
    model.dispose();
  });
});
