import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, test } from 'vitest';
import { input } from '../layers/input.js';
import { withSeed } from '../layers/scope.js';
import type { Sym } from '../layers/sym.js';
import { basicBlock } from './basic-block.js';
import { bottleneck } from './bottleneck.js';
import { plainBlock } from './plain-block.js';

type Untyped = (x: unknown, options: unknown) => { shape: readonly (number | null)[]; tensor: tfl.SymbolicTensor };

function layerNames(build: (x: Sym) => Sym, dims: [number, number, number]): string[] {
  return withSeed(1, () => {
    const x = input(dims, { name: 'x' });
    const model = tfl.model({ inputs: x.tensor, outputs: build(x).tensor });
    const names = model.layers.map((layer) => layer.name);
    model.dispose();
    return names;
  });
}

describe('residual blocks', () => {
  test('basicBlock: torchvision names, projection as downsample.0/1, ReLU after the add', () => {
    const names = withSeed(1, () => {
      const x = input([8, 8, 4]);
      const y = basicBlock(x, { filters: 8, strides: 2, shortcut: 'projection', name: 'layer2.0' });
      expect(y.shape).toEqual([null, 4, 4, 8]);
      const model = tfl.model({ inputs: x.tensor, outputs: y.tensor });
      const result = model.layers.map((layer) => layer.name);
      model.dispose();
      return result;
    });
    expect(new Set(names)).toEqual(new Set(['input_1', 'layer2.0.conv1.pad', 'layer2.0.conv1', 'layer2.0.bn1', 'layer2.0.relu1', 'layer2.0.conv2', 'layer2.0.bn2', 'layer2.0.downsample.0', 'layer2.0.downsample.1', 'layer2.0.add', 'layer2.0.relu']));
    expect(names.at(-1)).toBe('layer2.0.relu');
  });

  test('bottleneck: 1×1, 3×3 (with the stride, v1.5), 1×1 to 4× filters', () => {
    withSeed(1, () => {
      const x = input([8, 8, 16]);
      const y = bottleneck(x, { filters: 8, strides: 2, shortcut: 'projection', name: 'b' });
      expect(y.shape).toEqual([null, 4, 4, 32]);
      const model = tfl.model({ inputs: x.tensor, outputs: y.tensor });
      expect(model.getLayer('b.conv1').outputShape).toEqual([null, 8, 8, 8]);
      expect(model.getLayer('b.conv2').outputShape).toEqual([null, 4, 4, 8]);
      expect(model.getLayer('b.conv3').outputShape).toEqual([null, 4, 4, 32]);
      model.dispose();
    });
  });

  test('plainBlock has no add and may change the shape', () => {
    const names = layerNames((x) => plainBlock(x, { filters: 8, strides: 2 }), [8, 8, 4]);
    expect(names.filter((name) => name.includes('conv'))).toEqual(['plain_block_1.conv1.pad', 'plain_block_1.conv1', 'plain_block_1.conv2']);
    expect(names.some((name) => name.endsWith('.add') || name.includes('downsample'))).toBe(false);
  });

  test('zero-pad (option A): one weightless downsample layer, then the add and the ReLU', () => {
    const names = withSeed(1, () => {
      const x = input([8, 8, 4]);
      const y = basicBlock(x, { filters: 8, strides: 2, shortcut: 'zero-pad', name: 'layer2.0' });
      expect(y.shape).toEqual([null, 4, 4, 8]);
      const model = tfl.model({ inputs: x.tensor, outputs: y.tensor });
      expect(model.getLayer('layer2.0.downsample').getClassName()).toBe('ResidualZeroPadShortcut');
      expect(model.getLayer('layer2.0.downsample').countParams()).toBe(0);
      const result = model.layers.map((layer) => layer.name);
      model.dispose();
      return result;
    });
    expect(new Set(names)).toEqual(new Set(['input_1', 'layer2.0.conv1.pad', 'layer2.0.conv1', 'layer2.0.bn1', 'layer2.0.relu1', 'layer2.0.conv2', 'layer2.0.bn2', 'layer2.0.downsample', 'layer2.0.add', 'layer2.0.relu']));
    withSeed(1, () => {
      const y = bottleneck(input([8, 8, 16]), { filters: 8, shortcut: 'zero-pad', name: 'b' });
      expect(y.shape).toEqual([null, 8, 8, 32]);
    });
  });

  test('from plain JavaScript, a misspelt shortcut is refused with the closest name', () => {
    expect(() => withSeed(1, () => (basicBlock as Untyped)(input([8, 8, 4]), { filters: 8, strides: 2, shortcut: 'projecton' }))).toThrow(
      "basicBlock: shortcut must be one of 'identity', 'projection', 'zero-pad', 'none', but got \"projecton\". Did you mean 'projection'?",
    );
    expect(() => withSeed(1, () => (bottleneck as Untyped)(input([8, 8, 4]), { filters: 8, shortcut: 'Zero-Pad' }))).toThrow(
      "bottleneck: shortcut must be one of 'identity', 'projection', 'zero-pad', 'none', but got \"Zero-Pad\". Did you mean 'zero-pad'?",
    );
    expect(() => withSeed(1, () => (basicBlock as Untyped)(input([8, 8, 64]), { filters: 32, strides: 2, shortcut: 'zero-pad' }))).toThrow(
      "shape error: basicBlock: zero-pad shortcut must keep every input channel, but got 64→32 — use shortcut: 'projection' (1×1 conv, stride 2, 64→32)",
    );
  });

  test('from plain JavaScript, an identity shortcut across a shape change throws the type error\'s words', () => {
    expect(() => withSeed(1, () => (basicBlock as Untyped)(input([32, 32, 64]), { filters: 128, strides: 2 }))).toThrow(
      "shape error: basicBlock: residual add: main branch [N,16,16,128] vs identity shortcut [N,32,32,64] — use shortcut: 'projection' (1×1 conv, stride 2, 64→128) or 'zero-pad' (no parameters, stride 2, 64→128)",
    );
    expect(() => withSeed(1, () => (plainBlock as Untyped)(input([784]), { filters: 8 }))).toThrow(
      'shape error: plainBlock: input must be rank 4 [N,H,W,C], but got [N,784] — pass a batch of feature maps, NHWC',
    );
    expect(() => withSeed(1, () => (bottleneck as Untyped)(input([56, 56, 64]), { filters: 64 }))).toThrow(
      "shape error: bottleneck: residual add: main branch [N,56,56,256] vs identity shortcut [N,56,56,64] — use shortcut: 'projection' (1×1 conv, stride 1, 64→256) or 'zero-pad' (no parameters, stride 1, 64→256)",
    );
  });
});
