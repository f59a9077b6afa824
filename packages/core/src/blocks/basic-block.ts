import { batchNorm } from '../layers/batch-norm.js';
import { conv2d } from '../layers/conv2d.js';
import { relu } from '../layers/relu.js';
import type { BlockOutput, Checked, ImageRankError, ImageShape, Poisoned, Shape } from '@residual/shapes';
import type { WindowError } from '../layers/conv2d.js';
import type { Sym } from '../layers/sym.js';
import type { BlockOptions } from './block-options.js';
import { residualBlock } from './residual-block.js';

/** Output channels per filter of a basic block: 1 (torchvision's `BasicBlock.expansion`). */
export const basicBlockExpansion = 1;

/**
 * The basic residual block of ResNet-18/34 and the CIFAR ResNets (torchvision's `BasicBlock`):
 * two 3×3 convs with BN, ReLU between, the shortcut added, then ReLU.
 * `y = relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x))`.
 *
 * A block that changes the shape (stride ≠ 1 or channels ≠ filters) needs
 * `shortcut: 'projection'` (option B) or `'zero-pad'` (option A, no parameters); with the identity
 * it is a compile error, and from plain JavaScript a `ShapeError` with the same words.
 *
 * @param x - `[N, H, W, C]`
 * @param options - filters, strides (default 1), shortcut (default `'identity'`), name
 * @returns `[N, ⌊(H−1)/S⌋+1, ⌊(W−1)/S⌋+1, filters]`
 * @example
 * ```ts
 * const x = input([32, 32, 64]);
 * const same = basicBlock(x, { filters: 64 });                                    // [number, 32, 32, 64]
 * const down = basicBlock(same, { filters: 128, strides: 2, shortcut: 'projection' }); // [number, 16, 16, 128]
 * ```
 */
export function basicBlock<InShape extends Shape, const Options extends BlockOptions>(
  x: Checked<ImageRankError<InShape, 'basicBlock'>, Sym<InShape>>,
  options: Checked<WindowError<InShape, BlockOutput<InShape, Options, typeof basicBlockExpansion, 'basicBlock'>>, Options>,
): Sym<Poisoned<BlockOutput<InShape, Options, typeof basicBlockExpansion, 'basicBlock'>, ImageShape>> {
  const checked = options as BlockOptions;
  return residualBlock('basicBlock', x as Sym, checked, basicBlockExpansion, basicBranch(checked)) as Sym<
    Poisoned<BlockOutput<InShape, Options, typeof basicBlockExpansion, 'basicBlock'>, ImageShape>
  >;
}

/** The residual branch of a basic block: conv3×3 (stride) → BN → ReLU → conv3×3 → BN. */
export function basicBranch({ filters, strides = 1 }: BlockOptions): (x: Sym) => Sym {
  return (x) => {
    const h = relu(batchNorm(conv2d(x, { filters, kernelSize: 3, strides, padding: 1, useBias: false, name: 'conv1' }), { name: 'bn1' }), { name: 'relu1' });
    return batchNorm(conv2d(h, { filters, kernelSize: 3, padding: 1, useBias: false, name: 'conv2' }), { name: 'bn2' }); // [N, H/S, W/S, filters]
  };
}
