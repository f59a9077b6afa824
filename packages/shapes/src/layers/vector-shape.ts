import { ShapeError, shapeErrorMessage } from '../shape-error.js';
import { formatShape } from '../format-shape.js';
import type { RuntimeShape } from '../shape.js';
import { assertRank } from './rank-check.js';

/**
 * `[N, H, W, C]` → `[N, C]`: the shape after global average pooling; twin of `GlobalPoolOutput`.
 *
 * @example
 * ```ts
 * globalPoolOutputShape([null, 7, 7, 512]); // [null, 512]
 * ```
 */
export function globalPoolOutputShape(inShape: RuntimeShape, api = 'globalAvgPool'): [number | null, number | null] {
  assertRank(api, inShape, 4, '[N,H,W,C]', 'pass a batch of feature maps, NHWC');
  return [inShape[0] ?? null, inShape[3] ?? null]; // unknown channels stay unknown
}

/**
 * `[N, d1, d2, …]` → `[N, d1·d2·…]`: the shape after flattening (`null` when a dimension is
 * unknown); twin of `FlattenOutput`.
 *
 * @example
 * ```ts
 * flattenOutputShape([null, 7, 7, 512]); // [null, 25088]
 * ```
 */
export function flattenOutputShape(inShape: RuntimeShape, api = 'flatten'): [number | null, number | null] {
  if (inShape.length < 2) {
    throw new ShapeError(
      shapeErrorMessage(api, `input must be rank 2 or more [N,…], but got ${formatShape(inShape)}`, 'pass a batch'),
    );
  }
  const dims = inShape.slice(1);
  const size = dims.every((dim) => dim != null) ? dims.reduce<number>((product, dim) => product * (dim as number), 1) : null;
  return [inShape[0] ?? null, size];
}

/**
 * `[N, features]` → `[N, units]`: the shape after a dense layer; twin of `DenseOutput`.
 *
 * @example
 * ```ts
 * denseOutputShape([null, 512], 10); // [null, 10]
 * ```
 */
export function denseOutputShape(inShape: RuntimeShape, units: number, api = 'dense'): [number | null, number] {
  assertRank(api, inShape, 2, '[N,features]', 'call flatten(x) or globalAvgPool(x) first');
  return [inShape[0] ?? null, units];
}
