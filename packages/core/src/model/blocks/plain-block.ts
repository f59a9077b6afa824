import type { BlockOutput, Checked, ImageRankError, ImageShape, Poisoned, Shape } from '@residual/shapes';
import type { Sym } from '../layers/sym.js';
import { basicBlockExpansion, basicBlockLayers } from './basic-block.js';
import type { BlockOptions } from './block-options.js';

/**
 * The basic block without its shortcut — `y = relu(bn2(conv2(relu(bn1(conv1(x))))))` — for the
 * paper's "plain" networks (the ablation that shows why the shortcut matters). Any shape change
 * is fine: there is nothing to add.
 *
 * @param x - `[N, H, W, C]`
 * @param options - filters, strides (default 1), name
 * @returns `[N, ⌊(H−1)/S⌋+1, ⌊(W−1)/S⌋+1, filters]`
 * @example
 * ```ts
 * const y = plainBlock(input([32, 32, 16]), { filters: 32, strides: 2 }); // [number, 16, 16, 32]
 * ```
 */
export function plainBlock<InShape extends Shape, const Options extends Omit<BlockOptions, 'shortcut'>>(
  x: Checked<ImageRankError<InShape, 'plainBlock'>, Sym<InShape>>,
  options: Options,
): Sym<Poisoned<BlockOutput<InShape, Options & { shortcut: 'none' }, typeof basicBlockExpansion, 'plainBlock'>, ImageShape>> {
  const plain: BlockOptions = { ...(options as Omit<BlockOptions, 'shortcut'>), shortcut: 'none' };
  return basicBlockLayers('plainBlock', x as Sym, plain) as Sym<
    Poisoned<BlockOutput<InShape, Options & { shortcut: 'none' }, typeof basicBlockExpansion, 'plainBlock'>, ImageShape>
  >;
}
