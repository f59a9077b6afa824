// ResNet as torchvision's resnet.py reads, bottom-up: the blocks (one file each in ../blocks, with
// their expansion), one stage (makeStage, torchvision's `_make_layer`), the stem and the head, the
// model (buildResNet, torchvision's `ResNet` and `_resnet`), and at the end every registered
// architecture as data (resnetSpecs). Each step has its type: the compiler follows the same rule
// the code runs, so `resnet50()` is known to output `[number, 1000]`.
import * as tfl from '@tensorflow/tfjs-layers';
import {
  stageShortcut,
  type BlockOutput,
  type Checked,
  type Conv2dOutput,
  type DenseOutput,
  type GlobalPoolOutput,
  type ImageRankError,
  type ImageShape,
  type Multiply,
  type Poisoned,
  type Pool2dOutput,
  type Shape,
  type Shortcut,
  type StageShortcut,
} from '@residual/shapes';
import { basicBlock, basicBlockExpansion } from '../blocks/basic-block.js';
import { bottleneck, bottleneckExpansion } from '../blocks/bottleneck.js';
import { preactBlock, preactBlockExpansion } from '../blocks/preact-block.js';
import { batchNorm } from '../layers/batch-norm.js';
import { conv2d, type WindowError } from '../layers/conv2d.js';
import { dense } from '../layers/dense.js';
import { globalAvgPool } from '../layers/global-avg-pool.js';
import { input } from '../layers/input.js';
import { maxPool2d } from '../layers/pool2d.js';
import { relu } from '../layers/relu.js';
import { withSeed } from '../layers/scope.js';
import type { Sym } from '../layers/sym.js';
import { wrapModel, type ImageSize, type ResNetConfig, type ResNetModel, type ResNetOptions } from './resnet-model.js';

// ─── The blocks a stage repeats ────────────────────────────────────────────────────────────────

/** Each block kind's function, its name in messages, and its expansion (stated in its own file). */
const stageBlocks = {
  basic: { build: basicBlock, api: 'basicBlock', expansion: basicBlockExpansion },
  bottleneck: { build: bottleneck, api: 'bottleneck', expansion: bottleneckExpansion },
  preact: { build: preactBlock, api: 'preactBlock', expansion: preactBlockExpansion },
} as const;

/** Which block a stage repeats: `'basic'`, `'bottleneck'` or `'preact'` (pre-activation basic). */
export type BlockKind = keyof typeof stageBlocks;

/** The output channels per filter of each block kind (torchvision's `expansion`). */
export const blockExpansion: Readonly<Record<BlockKind, number>> = {
  basic: stageBlocks.basic.expansion,
  bottleneck: stageBlocks.bottleneck.expansion,
  preact: stageBlocks.preact.expansion,
};

// ─── One stage: torchvision's _make_layer ──────────────────────────────────────────────────────

/** One stage of a ResNet: `blocks` blocks of width `filters`, the first with stride `strides`. */
export interface StageSpec {
  block: BlockKind;
  filters: number;
  blocks: number;
  strides: number;
  /**
   * The shortcut of a block that changes the shape (the others keep the identity):
   * `'projection'` (1×1 conv + BN, torchvision's, the paper's option B), `'zero-pad'` (the paper's
   * option A: no parameters), `'none'` for the plain twin (no shortcuts at all), or `'identity'`
   * (then a stage that changes the shape is the usual shape error)
   */
  shortcut: Shortcut;
  /** layer-name prefix, torchvision's `layer1` … `layer4` */
  name: string;
}

/**
 * The output shape of `makeStage(x, stage)`: that of its first block, whose shortcut is decided by
 * `StageShortcut` (the type of the rule `makeStage` runs); the other blocks keep the shape. Or the
 * first block's shape error, in the block's own words.
 *
 * @example
 * ```ts
 * type Layer2 = StageOutput<[number, 56, 56, 256], { block: 'bottleneck'; filters: 128; blocks: 4; strides: 2; shortcut: 'projection'; name: 'layer2' }>;
 * // [number, 28, 28, 512]
 * ```
 */
export type StageOutput<InShape extends Shape, Stage extends StageSpec> =
  [(typeof stageBlocks)[Stage['block']]['expansion'], (typeof stageBlocks)[Stage['block']]['api']] extends [
    infer Expansion extends number,
    infer Api extends string,
  ]
    ? BlockOutput<
        InShape,
        {
          filters: Stage['filters'];
          strides: Stage['strides'];
          shortcut: StageShortcut<Stage['shortcut'], Stage['strides'], InShape[3], Multiply<Stage['filters'], Expansion>>;
        },
        Expansion,
        Api
      >
    : never;

/**
 * Builds one stage (torchvision's `_make_layer`). It alone decides every block's shortcut, by one
 * rule (`stageShortcut`, whose type `StageShortcut` gives this function its type): a block that
 * changes the shape (stride ≠ 1 or `C ≠ filters × expansion`) gets `stage.shortcut`, every other
 * block the identity. A stage whose first block cannot work (a zero-pad that would drop channels,
 * an identity across a stride) is a compile-time error in the block's words.
 *
 * @param x - `[N, H, W, C]`
 * @returns `[N, ⌊(H−1)/S⌋+1, ⌊(W−1)/S⌋+1, filters × expansion]`
 * @example
 * ```ts
 * const x = input([56, 56, 64]);
 * // ResNet-50's layer1: the first bottleneck gets a projection (64 → 256 channels), the others not.
 * const layer1 = makeStage(x, { block: 'bottleneck', filters: 64, blocks: 3, strides: 1, shortcut: 'projection', name: 'layer1' });
 * // Sym<[number, 56, 56, 256]>
 * ```
 */
export function makeStage<InShape extends Shape, const Stage extends StageSpec>(
  x: Checked<ImageRankError<InShape, 'makeStage'>, Sym<InShape>>,
  stage: Checked<WindowError<InShape, StageOutput<InShape, Stage>>, Stage>,
): Sym<Poisoned<StageOutput<InShape, Stage>, ImageShape>> {
  return stageLayers(x as Sym, stage as StageSpec) as Sym<Poisoned<StageOutput<InShape, Stage>, ImageShape>>;
}

function stageLayers(x: Sym, stage: StageSpec): Sym<ImageShape> {
  if (!Object.hasOwn(stageBlocks, stage.block)) {
    throw new RangeError(`makeStage: block must be one of ${Object.keys(stageBlocks).join(', ')}, but got ${JSON.stringify(stage.block)}. Pass e.g. 'basic'.`);
  }
  if (!Number.isInteger(stage.blocks) || stage.blocks < 1) {
    throw new RangeError(`makeStage: blocks must be a positive integer, but got ${stage.blocks}. Pass e.g. 2.`);
  }
  const { build, expansion } = stageBlocks[stage.block];
  let out = x as Sym<ImageShape>; // [N, H, W, C]
  for (let index = 0; index < stage.blocks; index++) {
    const strides = index === 0 ? stage.strides : 1;
    const shortcut = stageShortcut(stage.shortcut, strides, out.shape[3], stage.filters * expansion);
    out = build(out, { filters: stage.filters, strides, shortcut, name: `${stage.name}.${index}` }); // [N, H/S, W/S, filters × expansion]
  }
  return out;
}

// ─── The model: stem, stages, head ─────────────────────────────────────────────────────────────

/** An architecture as data, like torchvision's `ResNet(block, layers)`. */
export interface ResNetSpec {
  /** `'imagenet'`: 7×7/2 conv (pad 3) + 3×3/2 max-pool (pad 1); `'cifar'`: one 3×3 conv, no pool */
  readonly stem: 'imagenet' | 'cifar';
  /** channels of the stem conv */
  readonly stemFilters: number;
  /** the block every stage repeats; `'preact'` also moves BN + ReLU from the stem to the end */
  readonly block: BlockKind;
  /** blocks per stage, e.g. `[3, 4, 6, 3]` */
  readonly layers: readonly number[];
  /** filters per stage, e.g. `[64, 128, 256, 512]`; the first stage has stride 1, the others 2 */
  readonly widths: readonly number[];
  /** the shortcut where a block changes the shape (see {@link StageSpec}) */
  readonly shortcut: Shortcut;
  readonly defaultNumClasses: number;
  readonly defaultInputShape: ImageSize;
}

/** The stem's output: ImageNet 7×7/2 conv then 3×3/2 max-pool (H/4); CIFAR 3×3 conv (H). */
type StemOutput<InShape extends Shape, Spec extends ResNetSpec> = [Spec['stem']] extends ['cifar']
  ? Conv2dOutput<InShape, { filters: Spec['stemFilters']; kernelSize: 3; padding: 1 }>
  : Pool2dOutput<
      Poisoned<Conv2dOutput<InShape, { filters: Spec['stemFilters']; kernelSize: 7; strides: 2; padding: 3 }>, ImageShape>,
      { poolSize: 3; strides: 2; padding: 1 },
      'maxPool2d'
    >;

/** The stages' output: one `StageOutput` per width, stride 1 for the first and 2 after. */
type StagesOutput<InShape extends Shape, Spec extends ResNetSpec, Widths extends readonly number[], Strides extends number = 1> =
  Widths extends readonly [infer Width extends number, ...infer Rest extends readonly number[]]
    ? StagesOutput<
        Poisoned<StageOutput<InShape, { block: Spec['block']; filters: Width; blocks: number; strides: Strides; shortcut: Spec['shortcut']; name: string }>, ImageShape>,
        Spec,
        Rest,
        2
      >
    : number extends Widths['length']
      ? ImageShape
      : InShape;

/** `Key` of the options, or the spec's default when the options do not have it. */
type OptionOr<Options, Key extends keyof ResNetOptions, Default> = Key extends keyof Options ? Exclude<Options[Key], undefined> : Default;

/** The input shape of a built model: `[number, H, W, C]` from `inputShape` or the spec's default. */
export type ModelInput<Spec extends ResNetSpec, Options> =
  OptionOr<Options, 'inputShape', Spec['defaultInputShape']> extends infer Size extends ImageSize ? [number, ...Size] : ImageShape;

/** The output shape of a built model: `[number, numClasses]`, computed through every layer's type. */
export type ModelOutput<Spec extends ResNetSpec, Options> =
  StagesOutput<Poisoned<StemOutput<ModelInput<Spec, Options>, Spec>, ImageShape>, Spec, Spec['widths']> extends infer Features extends Shape
    ? Poisoned<DenseOutput<Poisoned<GlobalPoolOutput<Features>, [number, number]>, OptionOr<Options, 'numClasses', Spec['defaultNumClasses']> & number>, [number, number]>
    : [number, number];

function checkOptions(name: string, numClasses: number, inputShape: readonly number[]): void {
  if (!Number.isInteger(numClasses) || numClasses < 1) {
    throw new RangeError(`${name}: numClasses must be a positive integer, but got ${numClasses}. Pass e.g. 10.`);
  }
  if (inputShape.length !== 3 || !inputShape.every((dim) => Number.isInteger(dim) && dim > 0)) {
    throw new RangeError(
      `${name}: inputShape must be [H, W, C] of positive integers, but got [${inputShape.join(', ')}]. Pass e.g. [32, 32, 3].`,
    );
  }
}

/** The stages of a spec: blocks and filters of each, with their stride (1 for the first, 2 after). */
function stagesOf(name: string, spec: ResNetSpec): { blocks: number; filters: number; strides: number }[] {
  const mismatch = () =>
    new RangeError(
      `${name}: widths must have one entry per stage (${spec.layers.length}), but got [${spec.widths.join(', ')}]. Give each stage of layers [${spec.layers.join(', ')}] a width.`,
    );
  if (spec.widths.length !== spec.layers.length) throw mismatch();
  return spec.layers.map((blocks, index) => {
    const filters = spec.widths[index];
    if (filters === undefined) throw mismatch();
    return { blocks, filters, strides: index === 0 ? 1 : 2 };
  });
}

/**
 * The stem: ImageNet 7×7/2 conv (pad 3) + BN + ReLU + 3×3/2 max-pool (pad 1); CIFAR 3×3 conv + BN
 * + ReLU. Before pre-activation blocks the conv goes without BN and ReLU: the first block's own
 * bn1 and relu1 come next (He et al. 2016).
 */
function stem(x: Sym<ImageShape>, spec: ResNetSpec): Sym<ImageShape> {
  const window = spec.stem === 'cifar' ? { kernelSize: 3, padding: 1 } : { kernelSize: 7, strides: 2, padding: 3 };
  let out = conv2d(x, { filters: spec.stemFilters, ...window, useBias: false, name: 'conv1' }); // [N, H/2, W/2, 64] ImageNet; [N, H, W, 16] CIFAR
  if (spec.block !== 'preact') {
    out = batchNorm(out, { name: 'bn1' });
    out = relu(out, { name: 'relu' });
  }
  if (spec.stem === 'imagenet') {
    out = maxPool2d(out, { poolSize: 3, strides: 2, padding: 1, name: 'maxpool' }); // [N, H/4, W/4, 64]
  }
  return out;
}

/**
 * Builds a registered architecture (torchvision's `ResNet` and `_resnet`): stem, one stage per
 * entry of `spec.layers` (stride 1 for the first, 2 after), for pre-activation nets a last BN and
 * ReLU, global average pool, `fc`. The public builders (`resnet50()`, …) and `buildModel` call it.
 *
 * @param name - a registered name: its spec in {@link resnetSpecs}
 * @param options - numClasses, inputShape, seed (defaults from the spec)
 * @returns the model, typed `ResNetModel<[number, H, W, C], [number, numClasses]>`
 */
export function buildResNet<Name extends ModelName, const Options extends ResNetOptions = Record<never, never>>(
  name: Name,
  options?: Options,
): BuiltModel<Name, Options> {
  const spec: ResNetSpec = resnetSpecs[name];
  const { numClasses = spec.defaultNumClasses, inputShape = spec.defaultInputShape, seed }: ResNetOptions = options ?? {};
  checkOptions(name, numClasses, inputShape);
  const [height, width, channels] = inputShape;
  const config: ResNetConfig = { name, numClasses, inputShape: [height, width, channels] };
  if (seed !== undefined) config.seed = seed;
  const layersModel = withSeed(seed, () => {
    const images = input([height, width, channels], { name: 'input' }); // [N, H, W, C]
    let x = stem(images, spec); // [N, H/4, W/4, 64] ImageNet; [N, H, W, 16] CIFAR
    stagesOf(name, spec).forEach(({ blocks, filters, strides }, index) => {
      x = makeStage(x, { block: spec.block, filters, blocks, strides, shortcut: spec.shortcut, name: `layer${index + 1}` }); // [N, H/S, W/S, filters × expansion]
    });
    if (spec.block === 'preact') {
      x = batchNorm(x, { name: 'bn_final' }); // He et al. 2016: the last sum is normalized and activated once more
      x = relu(x, { name: 'relu_final' });
    }
    const pooled = globalAvgPool(x, { name: 'avgpool' }); // [N, C]
    const logits = dense(pooled, { units: numClasses, name: 'fc' }); // [N, numClasses]
    return tfl.model({ inputs: images.tensor, outputs: logits.tensor, name });
  });
  // The stages loop over data, so the compiler sees each step with unknown sizes; the precise
  // type is ModelOutput, the same rules over the same data (the type tests check it on every
  // registered model, and a test compares it with the built model's shape).
  return wrapModel(config, layersModel) as BuiltModel<Name, Options>;
}

// ─── Every registered architecture, as data ────────────────────────────────────────────────────

const imagenet = {
  stem: 'imagenet',
  stemFilters: 64,
  widths: [64, 128, 256, 512],
  defaultNumClasses: 1000,
  defaultInputShape: [224, 224, 3],
} as const;

/** The CIFAR ResNets of the paper (section 4.2): 6n + 2 layers, 16/32/64 filters on 32/16/8 maps. */
const cifar = {
  stem: 'cifar',
  stemFilters: 16,
  block: 'basic',
  widths: [16, 32, 64],
  defaultNumClasses: 10,
  defaultInputShape: [32, 32, 3],
} as const;

/** n blocks per stage for a CIFAR ResNet of `depth` = 6n + 2 layers. */
function cifarDepth(depth: number): readonly number[] {
  const n = (depth - 2) / 6;
  return [n, n, n];
}

/** ResNet-18 with a 3×3 stem for CIFAR-10: the ImageNet ResNet-18 stages, no max-pool. */
const cifarWide = {
  stem: 'cifar',
  stemFilters: 64,
  block: 'basic',
  layers: [2, 2, 2, 2],
  widths: [64, 128, 256, 512],
  defaultNumClasses: 10,
  defaultInputShape: [32, 32, 3],
} as const;

/** Every registered architecture, by name: depths and widths as data. */
export const resnetSpecs = {
  resnet18: { ...imagenet, block: 'basic', layers: [2, 2, 2, 2], shortcut: 'projection' },
  resnet34: { ...imagenet, block: 'basic', layers: [3, 4, 6, 3], shortcut: 'projection' },
  resnet50: { ...imagenet, block: 'bottleneck', layers: [3, 4, 6, 3], shortcut: 'projection' },
  resnet101: { ...imagenet, block: 'bottleneck', layers: [3, 4, 23, 3], shortcut: 'projection' },
  resnet152: { ...imagenet, block: 'bottleneck', layers: [3, 8, 36, 3], shortcut: 'projection' },
  resnet20: { ...cifar, layers: cifarDepth(20), shortcut: 'projection' },
  resnet32: { ...cifar, layers: cifarDepth(32), shortcut: 'projection' },
  resnet44: { ...cifar, layers: cifarDepth(44), shortcut: 'projection' },
  resnet56: { ...cifar, layers: cifarDepth(56), shortcut: 'projection' },
  resnet110: { ...cifar, layers: cifarDepth(110), shortcut: 'projection' },
  resnet20a: { ...cifar, layers: cifarDepth(20), shortcut: 'zero-pad' },
  resnet32a: { ...cifar, layers: cifarDepth(32), shortcut: 'zero-pad' },
  resnet44a: { ...cifar, layers: cifarDepth(44), shortcut: 'zero-pad' },
  resnet56a: { ...cifar, layers: cifarDepth(56), shortcut: 'zero-pad' },
  resnet110a: { ...cifar, layers: cifarDepth(110), shortcut: 'zero-pad' },
  preactResnet20: { ...cifar, block: 'preact', layers: cifarDepth(20), shortcut: 'zero-pad' },
  preactResnet56: { ...cifar, block: 'preact', layers: cifarDepth(56), shortcut: 'zero-pad' },
  preactResnet110: { ...cifar, block: 'preact', layers: cifarDepth(110), shortcut: 'zero-pad' },
  cifarResnet18: { ...cifarWide, shortcut: 'projection' },
  plain18: { ...imagenet, block: 'basic', layers: [2, 2, 2, 2], shortcut: 'none' },
  plain34: { ...imagenet, block: 'basic', layers: [3, 4, 6, 3], shortcut: 'none' },
  plain20: { ...cifar, layers: cifarDepth(20), shortcut: 'none' },
  plain32: { ...cifar, layers: cifarDepth(32), shortcut: 'none' },
  plain44: { ...cifar, layers: cifarDepth(44), shortcut: 'none' },
  plain56: { ...cifar, layers: cifarDepth(56), shortcut: 'none' },
  plain110: { ...cifar, layers: cifarDepth(110), shortcut: 'none' },
  cifarPlain18: { ...cifarWide, shortcut: 'none' },
} as const satisfies Record<string, ResNetSpec>;

/**
 * A registered model name: `'resnet18'` … `'resnet152'`, `'resnet20'` … `'resnet110'`, their
 * option-A twins `'resnet20a'` … `'resnet110a'`, the pre-activation `'preactResnet20'`,
 * `'preactResnet56'`, `'preactResnet110'`, `'cifarResnet18'`, plain twins.
 */
export type ModelName = keyof typeof resnetSpecs;

type IsUnion<Value, All = Value> = Value extends unknown ? ([All] extends [Value] ? false : true) : never;

/**
 * The type of a built registered model: input and output shapes computed from its spec and the
 * options (`resnet50()` → `ResNetModel<[number, 224, 224, 3], [number, 1000]>`); for a name that
 * is not known at compile time, any `ResNetModel`.
 */
export type BuiltModel<Name extends ModelName, Options = Record<never, never>> = true extends IsUnion<Name>
  ? ResNetModel
  : ResNetModel<ModelInput<(typeof resnetSpecs)[Name], Options>, ModelOutput<(typeof resnetSpecs)[Name], Options>>;
