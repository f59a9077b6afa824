import type { Compare } from '../arithmetic/compare.js';
import type { ConvOutputSize } from '../output-size-type.js';
import type { ShapeErrorMessage } from '../shape-error.js';
import type { Shape } from '../shape.js';
import type { AsNumber, NumberText, OptionOf } from './option-types.js';
import type { ImageRankError } from './window-output.js';

/** True when both channel counts are literals and the first is larger: zeros cannot make fewer channels. */
export type DropsChannels<InChannels, OutChannels> = number extends InChannels | OutChannels
  ? false
  : [Compare<AsNumber<InChannels>, AsNumber<OutChannels>>] extends ['gt']
    ? true
    : false;

/**
 * The fix for a block shortcut that must change `InChannels` into `OutChannels` with stride
 * `Strides`: the projection (option B), and the parameter-free zero-pad (option A) where it can
 * do it (not when channels shrink). The run-time twin is `shortcutFix`.
 *
 * @example
 * ```ts
 * type Fix = ShortcutFix<2, 64, 128>;
 * // "use shortcut: 'projection' (1×1 conv, stride 2, 64→128) or 'zero-pad' (no parameters, stride 2, 64→128)"
 * ```
 */
export type ShortcutFix<Strides, InChannels, OutChannels> =
  `use shortcut: 'projection' (1×1 conv, stride ${NumberText<Strides>}, ${NumberText<InChannels>}→${NumberText<OutChannels>})${DropsChannels<InChannels, OutChannels> extends true
    ? ''
    : ` or 'zero-pad' (no parameters, stride ${NumberText<Strides>}, ${NumberText<InChannels>}→${NumberText<OutChannels>})`}`;

/** What a zero-pad shortcut that would drop channels says; shared by blocks and `zeroPadShortcut`. */
export type ZeroPadChannelsDetail<InChannels, OutChannels> =
  `zero-pad shortcut must keep every input channel, but got ${NumberText<InChannels>}→${NumberText<OutChannels>}`;

/**
 * The output shape of `zeroPadShortcut(x, options)` — the paper's option A: every `strides`-th
 * position (`[N, ⌈H/S⌉, ⌈W/S⌉, C]`), then zero channels up to `channels` — or the shape error when
 * `channels` is smaller than C. The run-time twin is `zeroPadOutputShape`.
 *
 * @example
 * ```ts
 * type Down = ZeroPadOutput<[number, 32, 32, 16], { channels: 32; strides: 2 }>; // [number, 16, 16, 32]
 * type Bad = ZeroPadOutput<[number, 32, 32, 64], { channels: 32 }>;
 * // "shape error: zeroPadShortcut: zero-pad shortcut must keep every input channel, but got 64→32 — use a 1×1 conv (conv2d with kernelSize 1) and batchNorm"
 * ```
 */
export type ZeroPadOutput<InShape extends Shape, Options, Api extends string = 'zeroPadShortcut'> =
  InShape extends readonly [infer Batch, infer Height, infer Width, infer InChannels]
    ? [AsNumber<OptionOf<Options, 'strides', 1>>, AsNumber<OptionOf<Options, 'channels', number>>] extends [
        infer Strides extends number,
        infer OutChannels extends number,
      ]
      ? DropsChannels<InChannels, OutChannels> extends true
        ? ShapeErrorMessage<Api, ZeroPadChannelsDetail<InChannels, OutChannels>, 'use a 1×1 conv (conv2d with kernelSize 1) and batchNorm'>
        : [Batch, ConvOutputSize<AsNumber<Height>, 1, Strides, 0>, ConvOutputSize<AsNumber<Width>, 1, Strides, 0>, OutChannels]
      : never
    : ImageRankError<InShape, Api> extends infer RankError extends string
      ? [RankError] extends [never]
        ? [number, number, number, number]
        : RankError
      : never;
