import { formatShape } from '../format-shape.js';
import { ShapeError, shapeErrorMessage } from '../shape-error.js';
import type { RuntimeShape } from '../shape.js';
import { windowOutputShape } from './conv2d-shape.js';

/** How a residual block carries its input to the add: as is, by a 1×1 conv + BN, or not at all. */
export type Shortcut = 'identity' | 'projection' | 'none';

/** The options of a residual block that decide its output shape. */
export interface BlockShapeOptions {
  /** width of the block's 3×3 conv; the output has `filters × expansion` channels */
  filters: number;
  /** stride of the block (default 1); 2 halves H and W */
  strides?: number;
  /** `'identity'` (default), `'projection'` or `'none'` (plain block) */
  shortcut?: Shortcut;
}

/**
 * The output shape of a residual block, and the shape error of an identity shortcut that cannot
 * carry the input; run-time twin of the type `BlockOutput`. The message names the fix:
 * `shape error: basicBlock: residual add: main branch [N,16,16,128] vs identity shortcut
 * [N,32,32,64] — use shortcut: 'projection' (1×1 conv, stride 2, 64→128)`.
 *
 * @param api - the block, e.g. `'basicBlock'`
 * @param inShape - `[N, H, W, C]`
 * @param options - `filters`, `strides`, `shortcut`
 * @param expansion - output channels per filter: 1 (basic block) or 4 (bottleneck)
 * @returns `[N, floor((H − 1) / S) + 1, …, filters × expansion]`
 * @example
 * ```ts
 * blockOutputShape('basicBlock', [null, 32, 32, 64], { filters: 128, strides: 2, shortcut: 'projection' }, 1);
 * // [null, 16, 16, 128]
 * ```
 */
export function blockOutputShape(
  api: string,
  inShape: RuntimeShape,
  options: BlockShapeOptions,
  expansion: number,
): [number | null, number, number, number] {
  const { filters, strides = 1, shortcut = 'identity' } = options;
  if (!Number.isInteger(filters) || filters < 1) {
    throw new RangeError(`${api}: filters must be a positive integer, but got ${filters}. Pass e.g. 64.`);
  }
  if (!Number.isInteger(strides) || strides < 1) {
    throw new RangeError(`${api}: strides must be a positive integer, but got ${strides}. Pass 1 or 2.`);
  }
  const [batch, height, width] = windowOutputShape(api, inShape, { kernelSize: 3, strides, padding: 1 });
  const outShape: [number | null, number, number, number] = [batch, height, width, filters * expansion];
  const changes = strides !== 1 || inShape[3] !== filters * expansion;
  if (shortcut === 'identity' && changes) {
    throw new ShapeError(
      shapeErrorMessage(
        api,
        `residual add: main branch ${formatShape(outShape)} vs identity shortcut ${formatShape(inShape)}`,
        `use shortcut: 'projection' (1×1 conv, stride ${strides}, ${inShape[3]}→${filters * expansion})`,
      ),
    );
  }
  return outShape;
}
