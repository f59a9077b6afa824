import type { BlockOutput, Checked, ImageRankError, ImageShape, Poisoned, Shape } from '@residual/shapes';
import { add } from '../layers/add.js';
import { batchNorm } from '../layers/batch-norm.js';
import { conv2d, type WindowError } from '../layers/conv2d.js';
import { relu } from '../layers/relu.js';
import type { Sym } from '../layers/sym.js';
import type { BlockOptions } from './block-options.js';
import { blockScope } from './block-scope.js';
import { shortcutLayers } from './shortcut.js';

/** Output channels per filter of a pre-activation block: 1, as the basic block. */
export const preactBlockExpansion = 1;

/**
 * The full pre-activation residual block (He et al. 2016, "Identity Mappings in Deep Residual
 * Networks", fig. 1b and 4e): BN → ReLU → conv3×3 → BN → ReLU → conv3×3, plus the shortcut, and
 * no ReLU after the add — so `x_{l+1} = x_l + F(x_l)` and, across blocks whose shortcuts are
 * identities, `x_L = x_l + Σ F(x_i)`: the gradient reaches block l through that sum, unmasked (the
 * paper's eqs. 4–5). A network of these ends with one more BN and ReLU before pooling.
 *
 * When the block changes the shape, the shortcut (a projection, here a 1×1 conv without BN as in
 * the paper's code, or a zero-pad) reads the pre-activated input `relu(bn1(x))`, which both paths
 * share; an identity shortcut carries `x` itself.
 *
 * @param x - `[N, H, W, C]`
 * @param options - filters, strides (default 1), shortcut (default `'identity'`), name
 * @returns `[N, ⌊(H−1)/S⌋+1, ⌊(W−1)/S⌋+1, filters]`
 * @example
 * ```ts
 * const x = input([32, 32, 16]);
 * const same = preactBlock(x, { filters: 16 });                                    // [number, 32, 32, 16]
 * const down = preactBlock(same, { filters: 32, strides: 2, shortcut: 'zero-pad' }); // [number, 16, 16, 32]
 * ```
 */
export function preactBlock<InShape extends Shape, const Options extends BlockOptions>(
  x: Checked<ImageRankError<InShape, 'preactBlock'>, Sym<InShape>>,
  options: Checked<WindowError<InShape, BlockOutput<InShape, Options, typeof preactBlockExpansion, 'preactBlock'>>, Options>,
): Sym<Poisoned<BlockOutput<InShape, Options, typeof preactBlockExpansion, 'preactBlock'>, ImageShape>> {
  return preactLayers(x as Sym, options as BlockOptions) as Sym<Poisoned<BlockOutput<InShape, Options, typeof preactBlockExpansion, 'preactBlock'>, ImageShape>>;
}

/** The layers of a pre-activation block, one operation per line. */
function preactLayers(x: Sym, options: BlockOptions): Sym<ImageShape> {
  const { filters, strides = 1, shortcut = 'identity' } = options;
  return blockScope('preactBlock', x, options, preactBlockExpansion, () => {
    const input = x as Sym<ImageShape>; // [N, H, W, C]
    let out = batchNorm(input, { name: 'bn1' });
    out = relu(out, { name: 'relu1' });
    const preactivated = out; // what a shape-changing shortcut reads too
    out = conv2d(out, { filters, kernelSize: 3, strides, padding: 1, useBias: false, name: 'conv1' }); // [N, H/S, W/S, filters]
    out = batchNorm(out, { name: 'bn2' });
    out = relu(out, { name: 'relu2' });
    out = conv2d(out, { filters, kernelSize: 3, padding: 1, useBias: false, name: 'conv2' }); // [N, H/S, W/S, filters]
    if (shortcut === 'none') return out;
    const from = shortcut === 'identity' ? input : preactivated;
    const identity = shortcutLayers(from, { shortcut, channels: filters * preactBlockExpansion, strides, normalize: false }); // [N, H/S, W/S, filters]
    return add(out, identity, { name: 'add' }); // no ReLU after the add: the identity path stays clean
  });
}
