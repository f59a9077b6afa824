import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, test } from 'vitest';
import { input } from '../layers/input.js';
import { withSeed } from '../layers/scope.js';
import type { Sym } from '../layers/sym.js';
import { countParams } from '../analysis/count-params.js';
import { preactResnet20, resnet18, resnet20, resnet20a, resnet50 } from './builders.js';
import { blockExpansion, makeStage, type StageSpec } from './resnet.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type UntypedStage = (x: unknown, stage: unknown) => Sym;

/** The layer names of one stage built on an input of `dims`. */
function stageLayers(dims: [number, number, number], stage: StageSpec): string[] {
  return withSeed(1, () => {
    const x = input(dims, { name: 'x' });
    const model = tfl.model({ inputs: x.tensor, outputs: (makeStage as UntypedStage)(x, stage).tensor });
    const names = model.layers.map((layer) => layer.name);
    model.dispose();
    return names;
  });
}

describe('makeStage', () => {
  test('each block kind has its expansion (torchvision: BasicBlock 1, Bottleneck 4)', () => {
    expect(blockExpansion).toEqual({ basic: 1, bottleneck: 4, preact: 1 });
  });

  test('only the block that changes the shape gets the stage\'s shortcut (ResNet-50\'s layer1: 64 → 256 channels)', () => {
    const names = stageLayers([56, 56, 64], { block: 'bottleneck', filters: 64, blocks: 3, strides: 1, shortcut: 'projection', name: 'layer1' });
    expect(names.filter((name) => name.includes('downsample'))).toEqual(['layer1.0.downsample.0', 'layer1.0.downsample.1']);
    expect(names.filter((name) => name.endsWith('.add'))).toEqual(['layer1.0.add', 'layer1.1.add', 'layer1.2.add']);
  });

  test('a stage that keeps the shape has no projection, whatever its shortcut kind', () => {
    const names = stageLayers([32, 32, 16], { block: 'basic', filters: 16, blocks: 2, strides: 1, shortcut: 'projection', name: 'layer1' });
    expect(names.some((name) => name.includes('downsample'))).toBe(false);
  });

  test("zero-pad and 'none' stages: option A's weightless layer, and no adds at all", () => {
    const zeroPad = stageLayers([32, 32, 16], { block: 'preact', filters: 32, blocks: 2, strides: 2, shortcut: 'zero-pad', name: 'layer2' });
    expect(zeroPad.filter((name) => name.includes('downsample'))).toEqual(['layer2.0.downsample']);
    const plain = stageLayers([32, 32, 16], { block: 'basic', filters: 32, blocks: 2, strides: 2, shortcut: 'none', name: 'layer2' });
    expect(plain.some((name) => name.endsWith('.add') || name.includes('downsample'))).toBe(false);
  });

  test('from plain JavaScript, a bad stage is refused with the rule and the value', () => {
    const build = (stage: object) => () => stageLayers([8, 8, 4], { block: 'basic', filters: 4, blocks: 1, strides: 1, shortcut: 'projection', name: 'layer1', ...stage } as StageSpec);
    expect(build({ block: 'basik' })).toThrow('makeStage: block must be one of basic, bottleneck, preact, but got "basik". Pass e.g. \'basic\'.');
    expect(build({ blocks: 0 })).toThrow('makeStage: blocks must be a positive integer, but got 0. Pass e.g. 2.');
    expect(build({ shortcut: 'residual', strides: 2 })).toThrow("makeStage: shortcut must be one of 'identity', 'projection', 'zero-pad', 'none', but got \"residual\".");
    expect(build({ shortcut: 'identity', strides: 2 })).toThrow(
      "shape error: basicBlock: residual add: main branch [N,4,4,4] vs identity shortcut [N,8,8,4] — use shortcut: 'projection' (1×1 conv, stride 2, 4→4) or 'zero-pad' (no parameters, stride 2, 4→4)",
    );
  });
});

describe('a built model', () => {
  test('carries its input and logits as symbolic tensors, the shapes its type says', () => {
    const model = resnet50({ numClasses: 7, inputShape: [64, 64, 3], seed: 1 });
    expect(model.input.shape).toEqual([null, 64, 64, 3]);
    expect(model.output.shape).toEqual([null, 7]);
    expect(model.input.tensor).toBe(model.layersModel.inputs[0]);
    expect(model.output.tensor).toBe(model.layersModel.outputs[0]);
    model.dispose();
  });
});

describe('the model around the stages', () => {
  const names = (model: { layersModel: tfl.LayersModel }) => model.layersModel.layers.map((layer) => layer.name);

  test('ImageNet: 7×7/2 conv, BN, ReLU, 3×3/2 max-pool; stages at stride 1, 2, 2, 2; pool and fc', () => {
    const model = resnet18({ inputShape: [64, 64, 3], numClasses: 5, seed: 1 });
    const layers = names(model);
    expect(layers.slice(0, 7)).toEqual(['input', 'conv1.pad', 'conv1', 'bn1', 'relu', 'maxpool', 'layer1.0.conv1']);
    expect(layers.slice(-2)).toEqual(['avgpool', 'fc']);
    const shapeOf = (name: string) => model.layersModel.getLayer(name).outputShape;
    expect(['conv1', 'maxpool', 'layer1.1.relu', 'layer2.1.relu', 'layer3.1.relu', 'layer4.1.relu'].map(shapeOf)).toEqual([
      [null, 32, 32, 64],
      [null, 16, 16, 64],
      [null, 16, 16, 64],
      [null, 8, 8, 128],
      [null, 4, 4, 256],
      [null, 2, 2, 512],
    ]);
    expect(layers.filter((name) => name.includes('downsample'))).toEqual(['layer2.0.downsample.0', 'layer2.0.downsample.1', 'layer3.0.downsample.0', 'layer3.0.downsample.1', 'layer4.0.downsample.0', 'layer4.0.downsample.1']);
    model.dispose();
  });

  test('CIFAR: a 3×3 conv, BN and ReLU, no pool; option A has no weights in its shortcuts; pre-activation ends with BN and ReLU', () => {
    const [projected, paper, preact] = [resnet20({ seed: 1 }), resnet20a({ seed: 1 }), preactResnet20({ seed: 1 })];
    expect(names(projected).slice(0, 5)).toEqual(['input', 'conv1', 'bn1', 'relu', 'layer1.0.conv1']);
    expect(names(preact).slice(0, 3)).toEqual(['input', 'conv1', 'layer1.0.bn1']);
    expect(names(preact).slice(-4)).toEqual(['bn_final', 'relu_final', 'avgpool', 'fc']);
    expect(names(projected).slice(-3)).toEqual(['layer3.2.relu', 'avgpool', 'fc']);
    expect(countParams(projected).trainable - countParams(paper).trainable).toBe(16 * 32 + 2 * 32 + 32 * 64 + 2 * 64);
    expect(countParams(preact)).toEqual(countParams(paper));
    for (const model of [projected, paper, preact]) model.dispose();
  });

  test('options: the seed reaches every layer, bad numbers are refused', () => {
    const [a, b] = [resnet20({ seed: 3, inputShape: [8, 8, 3] }), resnet20({ seed: 3, inputShape: [8, 8, 3] })];
    expect(a.config).toEqual({ name: 'resnet20', numClasses: 10, inputShape: [8, 8, 3], seed: 3 });
    expect(a.layersModel.getWeights().map((weight) => Array.from(weight.dataSync()))).toEqual(b.layersModel.getWeights().map((weight) => Array.from(weight.dataSync())));
    const unseeded = resnet20({ inputShape: [8, 8, 3] });
    expect(unseeded.config).not.toHaveProperty('seed');
    const single = resnet20({ numClasses: 1, inputShape: [8, 8, 3] }); // one class is a valid head
    expect(single.output.shape).toEqual([null, 1]);
    single.dispose();
    expect(() => resnet20({ numClasses: 2.5 })).toThrow('resnet20: numClasses must be a positive integer, but got 2.5. Pass e.g. 10.');
    expect(() => resnet20({ inputShape: [8, 0, 3] })).toThrow('resnet20: inputShape must be [H, W, C] of positive integers, but got [8, 0, 3]. Pass e.g. [32, 32, 3].');
    for (const model of [a, b, unseeded]) model.dispose();
  });
});
