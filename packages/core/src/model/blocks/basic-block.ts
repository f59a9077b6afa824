import type { BlockOutput, Checked, ImageRankError, ImageShape, Poisoned, Shape } from '@residual/shapes';
import { add } from '../layers/add.js';
import { batchNorm } from '../layers/batch-norm.js';
import { conv2d, type WindowError } from '../layers/conv2d.js';
import { relu } from '../layers/relu.js';
import type { Sym } from '../layers/sym.js';
import type { BlockOptions } from './block-options.js';
import { blockScope } from './block-scope.js';
import { shortcutLayers } from './shortcut.js';

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
  return basicBlockLayers('basicBlock', x as Sym, options as BlockOptions) as Sym<
    Poisoned<BlockOutput<InShape, Options, typeof basicBlockExpansion, 'basicBlock'>, ImageShape>
  >;
}

/**
 * The layers of a basic block, as torchvision's `BasicBlock.forward` writes them; `plainBlock`
 * uses them with `shortcut: 'none'` (no add).
 */
export function basicBlockLayers(api: 'basicBlock' | 'plainBlock', x: Sym, options: BlockOptions): Sym<ImageShape> {
  const { filters, strides = 1, shortcut = 'identity' } = options;
  return blockScope(api, x, options, basicBlockExpansion, () => {
    const input = x as Sym<ImageShape>; // [N, H, W, C]
    let out = conv2d(input, { filters, kernelSize: 3, strides, padding: 1, useBias: false, name: 'conv1' }); // [N, H/S, W/S, filters]
    out = batchNorm(out, { name: 'bn1' });
    out = relu(out, { name: 'relu1' });
    out = conv2d(out, { filters, kernelSize: 3, padding: 1, useBias: false, name: 'conv2' }); // [N, H/S, W/S, filters]
    out = batchNorm(out, { name: 'bn2' });
    if (shortcut !== 'none') {
      const identity = shortcutLayers(input, { shortcut, channels: filters * basicBlockExpansion, strides }); // [N, H/S, W/S, filters]
      out = add(out, identity, { name: 'add' });
    }
    return relu(out, { name: 'relu' }); // after the add, as torchvision: out += identity; out = relu(out)
  });
}
