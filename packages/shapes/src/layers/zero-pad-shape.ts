import { ShapeError, shapeErrorMessage } from '../shape-error.js';
import type { RuntimeShape } from '../shape.js';
import { assertRank } from './rank-check.js';

/** The options of the parameter-free shortcut (the paper's option A). */
export interface ZeroPadOptions {
  /** channels of the output: the input's, then zeros (at least the input's channels) */
  channels: number;
  /** keep every `strides`-th row and column (default 1) */
  strides?: number;
}

/**
 * The fix for a block shortcut that must change `inChannels` into `outChannels` with stride
 * `strides`: the projection, and the zero-pad where it can do it. Twin of the type `ShortcutFix`.
 *
 * @example
 * ```ts
 * shortcutFix(2, 64, 128);
 * // "use shortcut: 'projection' (1×1 conv, stride 2, 64→128) or 'zero-pad' (no parameters, stride 2, 64→128)"
 * ```
 */
export function shortcutFix(strides: number, inChannels: number | null | undefined, outChannels: number): string {
  const change = `stride ${strides}, ${inChannels ?? '?'}→${outChannels}`;
  const projection = `use shortcut: 'projection' (1×1 conv, ${change})`;
  const dropsChannels = inChannels != null && inChannels > outChannels;
  return dropsChannels ? projection : `${projection} or 'zero-pad' (no parameters, ${change})`;
}

/** The detail of a zero-pad shortcut that would drop channels; twin of `ZeroPadChannelsDetail`. */
export function zeroPadChannelsDetail(inChannels: number, outChannels: number): string {
  return `zero-pad shortcut must keep every input channel, but got ${inChannels}→${outChannels}`;
}

/**
 * The output shape of the zero-pad shortcut (the paper's option A): every `strides`-th row and
 * column, then zero channels up to `channels`; run-time twin of the type `ZeroPadOutput`.
 *
 * @param inShape - `[N, H, W, C]`
 * @param options - `channels` (≥ C), `strides` (default 1)
 * @param api - who asks, for the message (default `'zeroPadShortcut'`)
 * @param fix - how to fix channels that would shrink
 * @returns `[N, ⌈H/S⌉, ⌈W/S⌉, channels]`
 * @throws {@link ShapeError} when `channels` < C
 * @example
 * ```ts
 * zeroPadOutputShape([null, 32, 32, 16], { channels: 32, strides: 2 }); // [null, 16, 16, 32]
 * ```
 */
export function zeroPadOutputShape(
  inShape: RuntimeShape,
  options: ZeroPadOptions,
  api = 'zeroPadShortcut',
  fix = 'use a 1×1 conv (conv2d with kernelSize 1) and batchNorm',
): [number | null, number | null, number | null, number] {
  const { channels, strides = 1 } = options;
  if (!Number.isInteger(channels) || channels < 1) {
    throw new RangeError(`${api}: channels must be a positive integer, but got ${channels}. Pass e.g. 32.`);
  }
  if (!Number.isInteger(strides) || strides < 1) {
    throw new RangeError(`${api}: strides must be a positive integer, but got ${strides}. Pass 1 or 2.`);
  }
  assertRank(api, inShape, 4, '[N,H,W,C]', 'pass a batch of feature maps, NHWC');
  const [batch, height, width, inChannels] = inShape;
  if (inChannels != null && inChannels > channels) {
    throw new ShapeError(shapeErrorMessage(api, zeroPadChannelsDetail(inChannels, channels), fix));
  }
  const subsample = (size: number | null | undefined): number | null => (size == null ? null : Math.ceil(size / strides));
  return [batch ?? null, subsample(height), subsample(width), channels];
}
