import type { Multiply } from '../arithmetic/multiply.js';
import type { FormatShape } from '../format-shape.js';
import type { ShapeErrorMessage } from '../shape-error.js';
import type { Shape } from '../shape.js';
import type { ImageRankError } from './window-output.js';

/**
 * `[N, H, W, C]` → `[N, C]` (global average pooling), or the shape error. Twin of
 * `globalPoolOutputShape`.
 *
 * @example
 * ```ts
 * type Features = GlobalPoolOutput<[number, 7, 7, 512]>; // [number, 512]
 * ```
 */
export type GlobalPoolOutput<InShape extends Shape, Api extends string = 'globalAvgPool'> =
  InShape extends readonly [infer Batch, number, number, infer Channels]
    ? [Batch, Channels]
    : ImageRankError<InShape, Api> extends infer RankError extends string
      ? [RankError] extends [never]
        ? [number, number]
        : RankError
      : never;

type Product<Dims extends Shape> = Dims extends readonly [infer First extends number, ...infer Rest extends Shape]
  ? Multiply<First, Product<Rest>>
  : 1;

/**
 * `[N, d1, d2, …]` → `[N, d1·d2·…]`, or the shape error. Twin of `flattenOutputShape`.
 *
 * @example
 * ```ts
 * type Vector = FlattenOutput<[number, 28, 28, 1]>; // [number, 784]
 * ```
 */
export type FlattenOutput<InShape extends Shape, Api extends string = 'flatten'> = number extends InShape['length']
  ? [number, number]
  : InShape extends readonly [infer Batch, infer First, ...infer Rest extends Shape]
    ? [Batch, Product<[First & number, ...Rest]>]
    : ShapeErrorMessage<Api, `input must be rank 2 or more [N,…], but got ${FormatShape<InShape>}`, 'pass a batch'>;

/**
 * `[N, features]` → `[N, units]`, or the shape error that says to flatten or pool first. Twin
 * of `denseOutputShape`.
 *
 * @example
 * ```ts
 * type Logits = DenseOutput<[number, 512], 10>; // [number, 10]
 * ```
 */
export type DenseOutput<InShape extends Shape, Units extends number, Api extends string = 'dense'> = number extends InShape['length']
  ? [number, Units]
  : InShape extends readonly [infer Batch, number]
    ? [Batch, Units]
    : ShapeErrorMessage<Api, `input must be rank 2 [N,features], but got ${FormatShape<InShape>}`, 'call flatten(x) or globalAvgPool(x) first'>;
