import type { ChangesShape } from './block-output.js';
import type { Shortcut } from './residual-shape.js';

/** True when the block surely keeps the shape: literal stride 1 and the same literal channels. */
type KeepsShape<Strides, InChannels, OutChannels> = number extends Strides | InChannels | OutChannels
  ? false
  : [Strides] extends [1]
    ? [InChannels] extends [OutChannels]
      ? [OutChannels] extends [InChannels]
        ? true
        : false
      : false
    : false;

/**
 * The shortcut a stage gives one of its blocks — torchvision's `_make_layer` rule, at the type
 * level: the stage's `Kind` (`'projection'`, `'zero-pad'`, or `'identity'` to forbid any) where the
 * block changes the shape (stride ≠ 1 or `InChannels ≠ OutChannels`), the identity where it keeps
 * it, `'none'` throughout a plain stage. Where a size is unknown it is `Kind | 'identity'`, which
 * no block refuses. The run-time twin is `stageShortcut`.
 *
 * @example
 * ```ts
 * type First = StageShortcut<'projection', 2, 64, 128>; // 'projection'
 * type Rest = StageShortcut<'projection', 1, 128, 128>; // 'identity'
 * ```
 */
export type StageShortcut<Kind extends Shortcut, Strides, InChannels, OutChannels> = [Kind] extends ['none']
  ? 'none'
  : ChangesShape<Strides, InChannels, OutChannels> extends true
    ? Kind
    : KeepsShape<Strides, InChannels, OutChannels> extends true
      ? 'identity'
      : Kind | 'identity';
