import { expectTypeOf, test } from 'vitest';
import type { ImageShape } from '@residual/shapes';
import { input } from '../layers/input.js';
import type { ShapeOf } from '../layers/sym.js';
import { plain20, preactResnet110, resnet20, resnet20a, resnet50, resnet152 } from './builders.js';
import { buildModel } from './registry.js';
import type { ResNetModel, ResNetOptions } from './resnet-model.js';
import { makeStage, type BuiltModel, type ModelName, type StageOutput } from './resnet.js';

test("the builders' types know the input and output shapes", () => {
  const model = resnet50();
  expectTypeOf(model).toEqualTypeOf<ResNetModel<[number, 224, 224, 3], [number, 1000]>>();
  expectTypeOf<ShapeOf<typeof model.output>>().toEqualTypeOf<[number, 1000]>();
  expectTypeOf<ShapeOf<typeof model.input>>().toEqualTypeOf<[number, 224, 224, 3]>();
  expectTypeOf(resnet50({ numClasses: 10, inputShape: [64, 64, 3], seed: 1 })).toEqualTypeOf<ResNetModel<[number, 64, 64, 3], [number, 10]>>();
  expectTypeOf(resnet20()).toEqualTypeOf<ResNetModel<[number, 32, 32, 3], [number, 10]>>();
  expectTypeOf(resnet20a({ numClasses: 100 })).toEqualTypeOf<ResNetModel<[number, 32, 32, 3], [number, 100]>>();
  expectTypeOf(preactResnet110()).toEqualTypeOf<ResNetModel<[number, 32, 32, 3], [number, 10]>>();
  expectTypeOf(plain20({ inputShape: [28, 28, 1] })).toEqualTypeOf<ResNetModel<[number, 28, 28, 1], [number, 10]>>();
  expectTypeOf(resnet152()).toEqualTypeOf<ResNetModel<[number, 224, 224, 3], [number, 1000]>>();
});

test('options only known at run time widen, and every typed model is a ResNetModel', () => {
  const options: ResNetOptions = { numClasses: 5 };
  expectTypeOf(resnet50(options)).toEqualTypeOf<ResNetModel<[number, number, number, number], [number, number]>>();
  expectTypeOf(resnet50()).toExtend<ResNetModel>();
  expectTypeOf(buildModel('resnet56a')).toEqualTypeOf<ResNetModel<[number, 32, 32, 3], [number, 10]>>();
  expectTypeOf(buildModel('resnet18', { numClasses: 7 })).toEqualTypeOf<ResNetModel<[number, 224, 224, 3], [number, 7]>>();
  expectTypeOf(buildModel('resnet20' as ModelName)).toEqualTypeOf<ResNetModel>();
  expectTypeOf(buildModel('resnet20' as string)).toEqualTypeOf<ResNetModel>();
  expectTypeOf<ResNetModel>().toEqualTypeOf<ResNetModel<ImageShape, [number, number]>>();
});

test('every registered model outputs [number, classes] by its type', () => {
  type Outputs = { [Name in ModelName]: ShapeOf<BuiltModel<Name>['output']> };
  type ImageNet = 'resnet18' | 'resnet34' | 'resnet50' | 'resnet101' | 'resnet152' | 'plain18' | 'plain34';
  expectTypeOf<Outputs[ImageNet]>().toEqualTypeOf<[number, 1000]>();
  expectTypeOf<Outputs[Exclude<ModelName, ImageNet>]>().toEqualTypeOf<[number, 10]>();
});

test('a stage has its first block\'s shape, with the shortcut decided by _make_layer\'s rule', () => {
  const x = input([56, 56, 64]);
  const layer1 = makeStage(x, { block: 'bottleneck', filters: 64, blocks: 3, strides: 1, shortcut: 'projection', name: 'layer1' });
  expectTypeOf<ShapeOf<typeof layer1>>().toEqualTypeOf<[number, 56, 56, 256]>();
  const layer2 = makeStage(layer1, { block: 'bottleneck', filters: 128, blocks: 4, strides: 2, shortcut: 'projection', name: 'layer2' });
  expectTypeOf<ShapeOf<typeof layer2>>().toEqualTypeOf<[number, 28, 28, 512]>();
  const cifar = makeStage(input([32, 32, 16]), { block: 'preact', filters: 32, blocks: 3, strides: 2, shortcut: 'zero-pad', name: 'layer2' });
  expectTypeOf<ShapeOf<typeof cifar>>().toEqualTypeOf<[number, 16, 16, 32]>();
  const same = makeStage(input([32, 32, 16]), { block: 'basic', filters: 16, blocks: 3, strides: 1, shortcut: 'identity', name: 'layer1' });
  expectTypeOf<ShapeOf<typeof same>>().toEqualTypeOf<[number, 32, 32, 16]>();
  const plain = makeStage(input([32, 32, 64]), { block: 'basic', filters: 32, blocks: 3, strides: 2, shortcut: 'none', name: 'layer2' });
  expectTypeOf<ShapeOf<typeof plain>>().toEqualTypeOf<[number, 16, 16, 32]>();
});

test('a custom stage whose widths or strides break its first block fails to compile, in the block\'s words', () => {
  const x = input([32, 32, 64]);
  // @ts-expect-error — zeros cannot remove channels: 64 → 32 needs a projection
  makeStage(x, { block: 'basic', filters: 32, blocks: 2, strides: 2, shortcut: 'zero-pad', name: 'layer2' });
  // @ts-expect-error — an identity across stride 2
  makeStage(x, { block: 'basic', filters: 64, blocks: 2, strides: 2, shortcut: 'identity', name: 'layer2' });
  expectTypeOf<StageOutput<[number, 32, 32, 64], { block: 'basic'; filters: 32; blocks: 2; strides: 2; shortcut: 'zero-pad'; name: 'layer2' }>>().toEqualTypeOf<
    "shape error: basicBlock: zero-pad shortcut must keep every input channel, but got 64→32 — use shortcut: 'projection' (1×1 conv, stride 2, 64→32)"
  >();
  expectTypeOf<StageOutput<[number, 56, 56, 64], { block: 'bottleneck'; filters: 64; blocks: 3; strides: 1; shortcut: 'identity'; name: 'layer1' }>>().toEqualTypeOf<
    "shape error: bottleneck: residual add: main branch [N,56,56,256] vs identity shortcut [N,56,56,64] — use shortcut: 'projection' (1×1 conv, stride 1, 64→256) or 'zero-pad' (no parameters, stride 1, 64→256)"
  >();
});
