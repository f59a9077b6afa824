import { formatShape } from '../format-shape.js';
import { ShapeError, shapeErrorMessage } from '../shape-error.js';
import type { RuntimeShape } from '../shape.js';

/**
 * Throws the shape error for an input of the wrong rank:
 * `shape error: dense: input must be rank 2 [N,features], but got [N,7,7,512] — <fix>`.
 *
 * @example
 * ```ts
 * assertRank('globalAvgPool', [null, 10], 4, '[N,H,W,C]', 'pass a 4-D feature map');
 * ```
 */
export function assertRank(
  api: string,
  shape: RuntimeShape,
  rank: number,
  pattern: string,
  fix: string,
): void {
  if (shape.length === rank) return;
  throw new ShapeError(
    shapeErrorMessage(api, `input must be rank ${rank} ${pattern}, but got ${formatShape(shape)}`, fix),
  );
}
