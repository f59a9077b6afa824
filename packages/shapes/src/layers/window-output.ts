import type { Add } from '../arithmetic/add.js';
import type { Compare } from '../arithmetic/compare.js';
import type { FloorDivide } from '../arithmetic/divide.js';
import type { FormatShape } from '../format-shape.js';
import type { ConvOutputSize } from '../output-size-type.js';
import type { Padding } from '../output-size.js';
import type { ShapeErrorMessage } from '../shape-error.js';
import type { Shape } from '../shape.js';
import type { AsNumber, NumberText, OptionOf, PaddingText, PairPart, PairText } from './option-types.js';

/** The rank error of a layer that needs `[N, H, W, C]`; `never` when the rank is 4 or unknown. */
export type ImageRankError<InShape extends Shape, Api extends string> = number extends InShape['length']
  ? never
  : InShape['length'] extends 4
    ? never
    : ShapeErrorMessage<Api, `input must be rank 4 [N,H,W,C], but got ${FormatShape<InShape>}`, 'pass a batch of feature maps, NHWC'>;

type IsOne<Value> = number extends Value ? true : Value extends 1 ? true : false;

type OutSize<Size, Kernel, Stride, Pad, Dilation> = ConvOutputSize<
  AsNumber<Size>,
  AsNumber<Kernel>,
  AsNumber<Stride>,
  Pad extends Padding ? Pad : number,
  AsNumber<Dilation>
>;

/**
 * `[N, H′, W′]` of a 2-D window (conv or pooling), or the shape error. Reads `kernelSize`,
 * `strides`, `padding`, `dilationRate` from `Options`, with `DefaultStrides` when absent.
 */
export type WindowOutput<InShape extends Shape, Options, Api extends string, Kernel, DefaultStrides> =
  InShape extends readonly [infer Batch, infer Height, infer Width, number]
    ? [OptionOf<Options, 'strides', DefaultStrides>, OptionOf<Options, 'padding', 'valid'>, OptionOf<Options, 'dilationRate', 1>] extends [
        infer Strides,
        infer Pad,
        infer Dilation,
      ]
      ? [IsOne<PairPart<Strides, 'h'>> & IsOne<PairPart<Strides, 'w'>>, IsOne<PairPart<Dilation, 'h'>> & IsOne<PairPart<Dilation, 'w'>>] extends [false, false]
        ? ShapeErrorMessage<Api, `strides or dilationRate must be 1 (TF.js), but got strides ${PairText<Strides>} and dilationRate ${PairText<Dilation>}`, 'use a stride or a dilation, not both'>
        : [
              OutSize<Height, PairPart<Kernel, 'h'>, PairPart<Strides, 'h'>, Pad, PairPart<Dilation, 'h'>>,
              OutSize<Width, PairPart<Kernel, 'w'>, PairPart<Strides, 'w'>, Pad, PairPart<Dilation, 'w'>>,
            ] extends [infer OutHeight, infer OutWidth]
          ? [OutHeight] extends [never]
            ? ShapeErrorMessage<Api, `kernel ${PairText<Kernel>} must fit the input, but got ${FormatShape<InShape>} with padding ${PaddingText<Pad>}`, "use padding 'same', a smaller kernelSize or a larger input">
            : [OutWidth] extends [never]
              ? ShapeErrorMessage<Api, `kernel ${PairText<Kernel>} must fit the input, but got ${FormatShape<InShape>} with padding ${PaddingText<Pad>}`, "use padding 'same', a smaller kernelSize or a larger input">
              : [Batch, OutHeight, OutWidth]
          : never
      : never
    : ImageRankError<InShape, Api> extends infer RankError extends string
      ? [RankError] extends [never]
        ? [number, number, number]
        : RankError
      : never;

/**
 * The output shape of `conv2d(x, options)`: `[N, H′, W′, filters]`, or the shape error as a
 * string literal type. The run-time twin is `conv2dOutputShape`.
 *
 * @example
 * ```ts
 * type Stem = Conv2dOutput<[number, 224, 224, 3], { filters: 64; kernelSize: 7; strides: 2; padding: 3 }>;
 * // [number, 112, 112, 64]
 * ```
 */
export type Conv2dOutput<InShape extends Shape, Options, Api extends string = 'conv2d'> =
  WindowOutput<InShape, Options, Api, OptionOf<Options, 'kernelSize', number>, 1> extends infer Spatial
    ? Spatial extends readonly [infer Batch, infer Height, infer Width]
      ? [Batch, Height, Width, AsNumber<OptionOf<Options, 'filters', number>>]
      : Spatial
    : never;

type PoolPaddingError<Options, Api extends string> = OptionOf<Options, 'poolSize', number> extends infer Pool
  ? OptionOf<Options, 'padding', 'valid'> extends infer Pad extends number
    ? number extends Pad
      ? never
      : [Compare<Add<Pad, Pad>, AsNumber<PairPart<Pool, 'h'>>>, Compare<Add<Pad, Pad>, AsNumber<PairPart<Pool, 'w'>>>] extends ['lt' | 'eq', 'lt' | 'eq']
        ? never
        : ShapeErrorMessage<Api, `padding must be at most half the pool size, but got padding ${Pad} for poolSize ${PairText<Pool>}`, `use padding ≤ ${NumberText<FloorDivide<AsNumber<PairPart<Pool, 'h'>>, 2>>}`>
    : never
  : never;

/**
 * The output shape of `maxPool2d` / `avgPool2d`: `[N, H′, W′, C]` (strides default to the pool
 * size), or the shape error. A numeric padding must be at most half the pool size (PyTorch's
 * rule). The run-time twin is `pool2dOutputShape`.
 *
 * @example
 * ```ts
 * type Pooled = Pool2dOutput<[number, 112, 112, 64], { poolSize: 3; strides: 2; padding: 1 }>;
 * // [number, 56, 56, 64]
 * ```
 */
export type Pool2dOutput<InShape extends Shape, Options, Api extends string = 'pool2d'> =
  PoolPaddingError<Options, Api> extends infer PaddingError
    ? [PaddingError] extends [never]
      ? WindowOutput<InShape, Options, Api, OptionOf<Options, 'poolSize', number>, OptionOf<Options, 'poolSize', number>> extends infer Spatial
        ? Spatial extends readonly [infer Batch, infer Height, infer Width]
          ? [Batch, Height, Width, InShape extends readonly [number, number, number, infer Channels] ? Channels : number]
          : Spatial
        : never
      : PaddingError
    : never;
