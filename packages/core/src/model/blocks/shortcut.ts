import type { ImageShape, Shortcut } from '@residual/shapes';
import { batchNorm } from '../layers/batch-norm.js';
import { conv2d } from '../layers/conv2d.js';
import type { Sym } from '../layers/sym.js';
import { zeroPadShortcut } from '../layers/zero-pad-shortcut.js';

/** What {@link shortcutLayers} builds. */
export interface ShortcutOptions {
  /** `'identity'`, `'projection'` or `'zero-pad'` (a block with `'none'` has no shortcut to build) */
  shortcut: Exclude<Shortcut, 'none'>;
  /** channels of the block's output */
  channels: number;
  /** the block's stride */
  strides: number;
  /** a batch norm after the projection's 1×1 conv (torchvision's `downsample.1`; default true) */
  normalize?: boolean;
}

/**
 * The shortcut of a residual block, which its caller has already checked: `x` itself, the
 * projection (1×1 conv with the block's stride, then BN: torchvision's `downsample.0` and
 * `downsample.1`, the paper's option B) or the zero-pad (`downsample`, the paper's option A).
 *
 * @param x - the block's input `[N, H, W, C]`
 * @returns `[N, H/S, W/S, channels]`
 */
export function shortcutLayers(x: Sym, options: ShortcutOptions): Sym<ImageShape> {
  const { shortcut, channels, strides, normalize = true } = options;
  if (shortcut === 'identity') return x as Sym<ImageShape>;
  if (shortcut === 'zero-pad') return zeroPadShortcut(x as Sym<ImageShape>, { channels, strides, name: 'downsample' });
  const projected = conv2d(x as Sym<ImageShape>, { filters: channels, kernelSize: 1, strides, useBias: false, name: 'downsample.0' }); // [N, H/S, W/S, channels]
  return normalize ? batchNorm(projected, { name: 'downsample.1' }) : projected;
}
