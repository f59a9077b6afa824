import type { Multiply } from '../arithmetic/multiply.js';
import type { FormatShape } from '../format-shape.js';
import type { ConvOutputSize } from '../output-size-type.js';
import type { ShapeErrorMessage } from '../shape-error.js';
import type { Shape } from '../shape.js';
import type { AsNumber, NumberText, OptionOf } from './option-types.js';
import type { ImageRankError } from './window-output.js';
import type { DropsChannels, ShortcutFix, ZeroPadChannelsDetail } from './zero-pad-output.js';

/** True when the block surely changes the shape: a literal stride ≠ 1 or literal channels ≠ out. */
export type ChangesShape<Strides, InChannels, OutChannels> = number extends Strides
  ? false
  : Strides extends 1
    ? number extends InChannels | OutChannels
      ? false
      : [InChannels] extends [OutChannels]
        ? false
        : true
    : true;

/** The block's output `Out`, or the error of its shortcut (`Kind`) that cannot carry the input. */
type ShortcutResult<InShape extends Shape, Out extends Shape, Kind, Strides, InChannels, OutChannels, Api extends string> =
  [Kind] extends ['identity']
    ? ChangesShape<Strides, InChannels, OutChannels> extends true
      ? ShapeErrorMessage<
          Api,
          `residual add: main branch ${FormatShape<Out>} vs identity shortcut ${FormatShape<InShape>}`,
          ShortcutFix<Strides, InChannels, OutChannels>
        >
      : Out
    : [Kind] extends ['zero-pad']
      ? DropsChannels<InChannels, OutChannels> extends true
        ? ShapeErrorMessage<
            Api,
            ZeroPadChannelsDetail<InChannels, OutChannels>,
            `use shortcut: 'projection' (1×1 conv, stride ${NumberText<Strides>}, ${NumberText<InChannels>}→${NumberText<OutChannels>})`
          >
        : Out
      : Out;

/**
 * The output shape of a residual block (`basicBlock` and `preactBlock` expansion 1, `bottleneck`
 * expansion 4): `[N, ⌊(H−1)/S⌋+1, ⌊(W−1)/S⌋+1, filters × expansion]`, or the shape error of a
 * shortcut that cannot carry the input: an identity across a shape change (the message names both
 * fixes, the projection and the parameter-free zero-pad), or a zero-pad that would drop channels.
 * The run-time twin is `blockOutputShape`.
 *
 * @example
 * ```ts
 * type Down = BlockOutput<[number, 32, 32, 64], { filters: 128; strides: 2; shortcut: 'projection' }, 1, 'basicBlock'>;
 * // [number, 16, 16, 128]
 * type Bad = BlockOutput<[number, 32, 32, 64], { filters: 128; strides: 2 }, 1, 'basicBlock'>;
 * // "shape error: basicBlock: residual add: main branch [N,16,16,128] vs identity shortcut [N,32,32,64] — use shortcut: 'projection' (1×1 conv, stride 2, 64→128) or 'zero-pad' (no parameters, stride 2, 64→128)"
 * ```
 */
export type BlockOutput<InShape extends Shape, Options, Expansion extends number, Api extends string> =
  InShape extends readonly [infer Batch, infer Height, infer Width, infer InChannels]
    ? [AsNumber<OptionOf<Options, 'strides', 1>>, Multiply<AsNumber<OptionOf<Options, 'filters', number>>, Expansion>] extends [
        infer Strides extends number,
        infer OutChannels extends number,
      ]
      ? [Batch, ConvOutputSize<AsNumber<Height>, 3, Strides, 1>, ConvOutputSize<AsNumber<Width>, 3, Strides, 1>, OutChannels] extends infer Out extends Shape
        ? ShortcutResult<InShape, Out, OptionOf<Options, 'shortcut', 'identity'>, Strides, InChannels, OutChannels, Api>
        : never
      : never
    : ImageRankError<InShape, Api> extends infer RankError extends string
      ? [RankError] extends [never]
        ? [number, number, number, number]
        : RankError
      : never;
