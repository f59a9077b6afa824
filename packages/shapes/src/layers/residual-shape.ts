import { formatShape } from '../format-shape.js';
import { ShapeError, shapeErrorMessage } from '../shape-error.js';
import type { RuntimeShape } from '../shape.js';
import { closestName } from '../closest-name.js';
import { windowOutputShape } from './conv2d-shape.js';
import { shortcutFix, zeroPadOutputShape } from './zero-pad-shape.js';

/**
 * How a residual block carries its input to the add: as is (`'identity'`), by a 1×1 conv + BN
 * (`'projection'`, the paper's option B, torchvision's `downsample`), by subsampling and zero
 * channels (`'zero-pad'`, the paper's option A, no parameters), or not at all (`'none'`: a plain block).
 */
export type Shortcut = 'identity' | 'projection' | 'zero-pad' | 'none';

/** Every {@link Shortcut}, in the order messages list them. */
export const shortcuts: readonly Shortcut[] = Object.freeze(['identity', 'projection', 'zero-pad', 'none']);

/** The options of a residual block that decide its output shape. */
export interface BlockShapeOptions {
  /** width of the block's 3×3 conv; the output has `filters × expansion` channels */
  filters: number;
  /** stride of the block (default 1); 2 halves H and W */
  strides?: number;
  /** `'identity'` (default), `'projection'`, `'zero-pad'` or `'none'` (plain block) */
  shortcut?: Shortcut;
}

/**
 * Checks at run time that `value` is a {@link Shortcut} (plain JavaScript can pass anything) and
 * throws `<api>: shortcut must be one of 'identity', 'projection', 'zero-pad', 'none', but got
 * "projecton". Did you mean 'projection'?` when it is not.
 *
 * @example
 * ```ts
 * assertShortcut('basicBlock', 'zero-pad'); // passes
 * ```
 */
export function assertShortcut(api: string, value: unknown): asserts value is Shortcut {
  if (shortcuts.includes(value as Shortcut)) return;
  const listed = shortcuts.map((name) => `'${name}'`).join(', ');
  const hint =
    value === 'residual'
      ? " makeStage's 'residual' is now 'projection' (the paper's option B) or 'zero-pad' (option A)."
      : typeof value === 'string'
        ? ` Did you mean '${closestName(value, shortcuts)}'?`
        : ' Pass one of them.';
  throw new RangeError(`${api}: shortcut must be one of ${listed}, but got ${JSON.stringify(value) ?? String(value)}.${hint}`);
}

/**
 * The output shape of a residual block, and the shape error of a shortcut that cannot carry the
 * input; run-time twin of the type `BlockOutput`. The message names the fixes:
 * `shape error: basicBlock: residual add: main branch [N,16,16,128] vs identity shortcut
 * [N,32,32,64] — use shortcut: 'projection' (1×1 conv, stride 2, 64→128) or 'zero-pad' (no
 * parameters, stride 2, 64→128)`.
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
  assertShortcut(api, shortcut);
  const [batch, height, width] = windowOutputShape(api, inShape, { kernelSize: 3, strides, padding: 1 });
  const outChannels = filters * expansion;
  const outShape: [number | null, number, number, number] = [batch, height, width, outChannels];
  const inChannels = inShape[3];
  if (shortcut === 'identity' && (strides !== 1 || inChannels !== outChannels)) {
    throw new ShapeError(
      shapeErrorMessage(
        api,
        `residual add: main branch ${formatShape(outShape)} vs identity shortcut ${formatShape(inShape)}`,
        shortcutFix(strides, inChannels, outChannels),
      ),
    );
  }
  if (shortcut === 'zero-pad') {
    const fix = `use shortcut: 'projection' (1×1 conv, stride ${strides}, ${inChannels ?? '?'}→${outChannels})`;
    zeroPadOutputShape(inShape, { channels: outChannels, strides }, api, fix);
  }
  return outShape;
}
