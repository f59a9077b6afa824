import * as tfl from '@tensorflow/tfjs-layers';
import { layerName } from './scope.js';
import { Sym } from './sym.js';

/**
 * A model input: a batch (size unknown) of tensors of the given shape. The sizes stay literal in
 * the type without `as const`.
 *
 * @param dims - the shape of one example, e.g. `[H, W, C]` = `[32, 32, 3]` (NHWC)
 * @param options - `name` of the input layer (default `input_<n>`)
 * @returns `Sym<[number, ...dims]>`, e.g. `Sym<[number, 32, 32, 3]>` // [N, H, W, C]
 * @example
 * ```ts
 * const images = input([32, 32, 3]); // Sym<[number, 32, 32, 3]>
 * ```
 */
export function input<const Dims extends readonly number[]>(
  dims: Dims,
  options: { name?: string } = {},
): Sym<[number, ...Dims]> {
  if (dims.length === 0 || !dims.every((dim) => Number.isInteger(dim) && dim > 0)) {
    throw new RangeError(
      `input: shape must be a list of positive integers like [32, 32, 3], but got [${dims.join(', ')}]. Pass [H, W, C].`,
    );
  }
  const name = layerName('input', options.name);
  return new Sym(tfl.input({ shape: [...dims], name }));
}
