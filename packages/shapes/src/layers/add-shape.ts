import { formatShape } from '../format-shape.js';
import { ShapeError, shapeErrorMessage } from '../shape-error.js';
import type { RuntimeShape } from '../shape.js';

/**
 * How to fix a residual add whose shortcut does not match: the projection that maps `shortcut`
 * onto `main`, e.g. `1×1 conv, stride 2, 64→128`; empty when no 1×1 conv can do it. Twin of the
 * type `ProjectionHint`.
 *
 * @example
 * ```ts
 * projectionHint([null, 16, 16, 128], [null, 32, 32, 64]); // "1×1 conv, stride 2, 64→128"
 * ```
 */
export function projectionHint(main: RuntimeShape, shortcut: RuntimeShape): string {
  const [, mainH, , mainC] = main;
  const [, shortH, , shortC] = shortcut;
  if (main.length !== 4 || shortcut.length !== 4 || mainH == null || shortH == null) return '';
  if (mainH > shortH) return '';
  return `1×1 conv, stride ${Math.ceil(shortH / mainH)}, ${shortC}→${mainC}`;
}

/**
 * The parameter-free fix for the same add: `zeroPadShortcut, stride 2, 64→128`; empty when the
 * channels would shrink or no projection fits. Twin of the type `ZeroPadHint`.
 *
 * @example
 * ```ts
 * zeroPadHint([null, 16, 16, 128], [null, 32, 32, 64]); // "zeroPadShortcut, stride 2, 64→128"
 * ```
 */
export function zeroPadHint(main: RuntimeShape, shortcut: RuntimeShape): string {
  if (projectionHint(main, shortcut) === '') return '';
  const [, mainH, , mainC] = main;
  const [, shortH, , shortC] = shortcut;
  if (mainH == null || shortH == null) return '';
  if (mainC != null && shortC != null && shortC > mainC) return '';
  return `zeroPadShortcut, stride ${Math.ceil(shortH / mainH)}, ${shortC ?? '?'}→${mainC ?? '?'}`;
}

/**
 * The output shape of an element-wise add; run-time twin of the type `AddOutput`. Both inputs must
 * have the same shape (unknown dimensions match anything).
 *
 * @param main - the first input, e.g. the residual branch `[N, H, W, C]`
 * @param shortcut - the second input, e.g. the shortcut
 * @returns the common shape
 * @example
 * ```ts
 * addOutputShape([null, 8, 8, 16], [null, 8, 8, 16]); // [null, 8, 8, 16]
 * addOutputShape([null, 16, 16, 128], [null, 32, 32, 64]);
 * // ShapeError: shape error: add: inputs must have the same shape, but got [N,16,16,128] and [N,32,32,64] — …
 * ```
 */
export function addOutputShape(main: RuntimeShape, shortcut: RuntimeShape, api = 'add'): (number | null)[] {
  const same =
    main.length === shortcut.length &&
    main.every((dim, index) => dim == null || shortcut[index] == null || dim === shortcut[index]);
  if (same) return main.map((dim, index) => dim ?? shortcut[index] ?? null);
  const hint = projectionHint(main, shortcut);
  const zeroPad = zeroPadHint(main, shortcut);
  const alternative = zeroPad === '' ? '' : `, or zero-pad it (${zeroPad})`;
  const fix = hint === ''
    ? 'make both inputs the same shape'
    : `project the second input with a shortcut conv (${hint}) and batchNorm${alternative}`;
  throw new ShapeError(
    shapeErrorMessage(
      api,
      `inputs must have the same shape, but got ${formatShape(main)} and ${formatShape(shortcut)}`,
      fix,
    ),
  );
}
