import type { BlockKind } from './make-stage.js';

/** An architecture as data, like torchvision's `ResNet(block, layers)`. */
export interface ResNetSpec {
  /** `'imagenet'`: 7×7/2 conv (pad 3) + 3×3/2 max-pool (pad 1); `'cifar'`: one 3×3 conv, no pool */
  readonly stem: 'imagenet' | 'cifar';
  /** channels of the stem conv */
  readonly stemFilters: number;
  readonly block: BlockKind;
  /** blocks per stage, e.g. `[3, 4, 6, 3]` */
  readonly layers: readonly number[];
  /** filters per stage, e.g. `[64, 128, 256, 512]` */
  readonly widths: readonly number[];
  /**
   * The shortcut where a block changes the shape: `'projection'` (option B, torchvision),
   * `'zero-pad'` (the paper's option A on CIFAR: no parameters), `'none'` for the plain twins
   */
  readonly shortcut: 'projection' | 'zero-pad' | 'none';
  readonly defaultNumClasses: number;
  readonly defaultInputShape: readonly [number, number, number];
}

const imagenet = {
  stem: 'imagenet',
  stemFilters: 64,
  widths: [64, 128, 256, 512],
  defaultNumClasses: 1000,
  defaultInputShape: [224, 224, 3],
} as const;

/** The CIFAR ResNets of the paper (section 4.2): 6n + 2 layers, 16/32/64 filters. */
const cifar = {
  stem: 'cifar',
  stemFilters: 16,
  block: 'basic',
  widths: [16, 32, 64],
  defaultNumClasses: 10,
  defaultInputShape: [32, 32, 3],
} as const;

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

/** Every registered architecture, by name. */
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
 * option-A twins `'resnet20a'` … `'resnet110a'`, the pre-activation `'preactResnet20'`, `'preactResnet56'`,
 * `'preactResnet110'`, `'cifarResnet18'`, plain twins.
 */
export type ModelName = keyof typeof resnetSpecs;
