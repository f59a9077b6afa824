import { batchNorm } from '../layers/batch-norm.js';
import { conv2d } from '../layers/conv2d.js';
import { relu } from '../layers/relu.js';
import type { BlockOutput, Checked, ImageRankError, ImageShape, Poisoned, Shape } from '@residual/shapes';
import type { WindowError } from '../layers/conv2d.js';
import type { Sym } from '../layers/sym.js';
import type { BlockOptions } from './block-options.js';
import { residualBlock } from './residual-block.js';

/** Output channels per filter of a bottleneck: 4 (torchvision's `Bottleneck.expansion`). */
export const bottleneckExpansion = 4;

/**
 * The bottleneck block of ResNet-50/101/152 (torchvision's `Bottleneck`): 1×1 conv down to
 * `filters`, 3×3 conv, 1×1 conv up to `4 × filters`, each with BN; the shortcut added, then ReLU.
 *
 * The stride sits on the 3×3 conv (torchvision's "ResNet v1.5"); the paper put it on the first
 * 1×1 conv. In a downsampling block v1.5 therefore runs that first 1×1 conv at the stage's input
 * resolution (4× the positions) instead of after the stride, so ResNet-50 costs 4.09 G
 * multiply-accumulates instead of the paper's 3.8 G, for ~0.5 % better top-1 (torchvision's note).
 *
 * @param x - `[N, H, W, C]`
 * @param options - filters, strides (default 1), shortcut (default `'identity'`), name
 * @returns `[N, ⌊(H−1)/S⌋+1, ⌊(W−1)/S⌋+1, 4 × filters]`
 * @example
 * ```ts
 * const x = input([56, 56, 64]);
 * const y = bottleneck(x, { filters: 64, shortcut: 'projection' }); // [number, 56, 56, 256]
 * const z = bottleneck(y, { filters: 64 });                          // [number, 56, 56, 256]
 * ```
 */
export function bottleneck<InShape extends Shape, const Options extends BlockOptions>(
  x: Checked<ImageRankError<InShape, 'bottleneck'>, Sym<InShape>>,
  options: Checked<WindowError<InShape, BlockOutput<InShape, Options, typeof bottleneckExpansion, 'bottleneck'>>, Options>,
): Sym<Poisoned<BlockOutput<InShape, Options, typeof bottleneckExpansion, 'bottleneck'>, ImageShape>> {
  const { filters, strides = 1 } = options as BlockOptions;
  return residualBlock('bottleneck', x as Sym, options as BlockOptions, bottleneckExpansion, (input) => {
    const h1 = relu(batchNorm(conv2d(input, { filters, kernelSize: 1, useBias: false, name: 'conv1' }), { name: 'bn1' }), { name: 'relu1' });
    const h2 = relu(batchNorm(conv2d(h1, { filters, kernelSize: 3, strides, padding: 1, useBias: false, name: 'conv2' }), { name: 'bn2' }), { name: 'relu2' });
    return batchNorm(conv2d(h2, { filters: filters * bottleneckExpansion, kernelSize: 1, useBias: false, name: 'conv3' }), { name: 'bn3' });
  }) as Sym<Poisoned<BlockOutput<InShape, Options, typeof bottleneckExpansion, 'bottleneck'>, ImageShape>>;
}
