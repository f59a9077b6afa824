import { assertShortcut, type Shortcut } from './residual-shape.js';

/**
 * The shortcut a stage gives one of its blocks (torchvision's `_make_layer` rule): `kind` where the
 * block changes the shape (stride ≠ 1 or `inChannels ≠ outChannels`), the identity where it keeps
 * it, `'none'` throughout a plain stage. Run-time twin of the type `StageShortcut`; `makeStage`
 * is its one caller, so one rule decides every shortcut of every model.
 *
 * @param kind - the stage's shortcut for shape changes: `'projection'`, `'zero-pad'`, `'identity'` or `'none'`
 * @param strides - the block's stride
 * @param inChannels - channels of the block's input (unknown: `null`)
 * @param outChannels - channels of the block's output (`filters × expansion`)
 * @returns the block's `shortcut` option
 * @example
 * ```ts
 * stageShortcut('projection', 2, 64, 128); // 'projection'
 * stageShortcut('projection', 1, 128, 128); // 'identity'
 * ```
 */
export function stageShortcut(kind: Shortcut, strides: number, inChannels: number | null | undefined, outChannels: number): Shortcut {
  assertShortcut('makeStage', kind);
  if (kind === 'none') return 'none';
  const changes = strides !== 1 || inChannels !== outChannels;
  return changes ? kind : 'identity';
}
