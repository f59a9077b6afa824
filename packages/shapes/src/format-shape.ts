import type { RuntimeShape, Shape } from './shape.js';

/** Formats one dimension: unknown batch → `N`, other unknown dimensions → `?`. */
type FormatDim<Dim, Index extends number> = number extends Dim
  ? Index extends 0
    ? 'N'
    : '?'
  : Dim extends number
    ? `${Dim}`
    : '?';

type JoinDims<
  Dims extends Shape,
  Counter extends unknown[] = [],
> = Dims extends readonly [infer First, ...infer Rest extends Shape]
  ? Rest extends readonly []
    ? FormatDim<First, Counter['length']>
    : `${FormatDim<First, Counter['length']>},${JoinDims<Rest, [...Counter, 0]>}`
  : '';

/**
 * The compact text of a shape, as shape errors print it: `[N,16,16,128]`. An unknown first
 * dimension (the batch) prints as `N`, any other unknown dimension as `?`.
 *
 * @example
 * ```ts
 * type Text = FormatShape<[number, 16, 16, 128]>; // "[N,16,16,128]"
 * ```
 */
export type FormatShape<Dims extends Shape> = number extends Dims['length']
  ? '[...]'
  : `[${JoinDims<Dims>}]`;

/**
 * Formats a shape for messages; the run-time twin of {@link FormatShape}. An unknown first
 * dimension prints as `N`, any other unknown dimension as `?`.
 *
 * @param shape - the shape, e.g. `[null, 16, 16, 128]` (`null`/`undefined` = unknown)
 * @param separator - between dimensions: `','` (default, as type errors print) or `', '`
 * @returns e.g. `"[N,16,16,128]"`
 * @example
 * ```ts
 * formatShape([null, 16, 16, 128]);       // "[N,16,16,128]"
 * formatShape([8, 28, 28, 1], ', ');      // "[8, 28, 28, 1]"
 * ```
 */
export function formatShape(shape: RuntimeShape, separator = ','): string {
  const dims = shape.map((dim, index) => (dim == null ? (index === 0 ? 'N' : '?') : String(dim)));
  return `[${dims.join(separator)}]`;
}
