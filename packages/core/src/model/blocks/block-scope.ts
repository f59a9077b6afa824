import { blockOutputShape } from '@residual/shapes';
import { layerName, withNamePrefix } from '../layers/scope.js';
import type { Sym } from '../layers/sym.js';
import type { BlockOptions } from './block-options.js';

/**
 * What every block does before its layers: check the shapes at run time (the words of the type
 * error: plain JavaScript gets the compiler's message) and open the block's name prefix
 * (`layer2.0.conv1`, or `basic_block_<n>.conv1` when unnamed), under which `build` makes the layers.
 *
 * @param api - the block's function name, e.g. `'basicBlock'`
 * @param x - the block's input `[N, H, W, C]`
 * @param expansion - output channels per filter of the block
 * @returns what `build` returns
 */
export function blockScope<Result>(api: string, x: Sym, options: BlockOptions, expansion: number, build: () => Result): Result {
  blockOutputShape(api, x.shape, options, expansion);
  const kind = api.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  return withNamePrefix(layerName(kind, options.name), build);
}
