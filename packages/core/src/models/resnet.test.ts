import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, test } from 'vitest';
import { input } from '../layers/input.js';
import { withSeed } from '../layers/scope.js';
import type { Sym } from '../layers/sym.js';
import { resnet50 } from './builders.js';
import { makeStage, type StageSpec } from './resnet.js';

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
