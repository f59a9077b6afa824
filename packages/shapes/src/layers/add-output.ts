import type { CeilDivide } from '../arithmetic/divide.js';
import type { Compare } from '../arithmetic/compare.js';
import type { FormatShape } from '../format-shape.js';
import type { ShapeErrorMessage } from '../shape-error.js';
import type { Shape } from '../shape.js';
import type { NumberText } from './option-types.js';
import type { DropsChannels } from './zero-pad-output.js';

/** True when two dimensions may be equal: either is unknown (`number`), or they are the same literal. */
type DimsAgree<Left, Right> = number extends Left ? true : number extends Right ? true : [Left] extends [Right] ? true : false;

/** The more precise of two agreeing dimensions. */
type MergeDim<Left, Right> = number extends Left ? Right : Left;

type MergeShapes<Main extends Shape, Shortcut extends Shape> = Main extends readonly [infer MainFirst, ...infer MainRest extends Shape]
  ? Shortcut extends readonly [infer ShortcutFirst, ...infer ShortcutRest extends Shape]
    ? DimsAgree<MainFirst, ShortcutFirst> extends true
      ? MergeShapes<MainRest, ShortcutRest> extends infer Rest extends Shape
        ? [MergeDim<MainFirst, ShortcutFirst>, ...Rest]
        : false
      : false
    : false
  : Shortcut extends readonly []
    ? []
    : false;

/**
 * The fix that names a projection for a residual add of `[N,16,16,128]` and `[N,32,32,64]`:
 * `1×1 conv, stride 2, 64→128`; `never` when no 1×1 conv can map the shortcut onto the main branch.
 */
export type ProjectionHint<Main extends Shape, Shortcut extends Shape> = Main extends readonly [number, infer MainHeight extends number, number, infer MainChannels]
  ? Shortcut extends readonly [number, infer ShortcutHeight extends number, number, infer ShortcutChannels]
    ? number extends MainHeight | ShortcutHeight
      ? never
      : Compare<MainHeight, ShortcutHeight> extends 'gt'
        ? never
        : `1×1 conv, stride ${NumberText<CeilDivide<ShortcutHeight, MainHeight>>}, ${NumberText<ShortcutChannels>}→${NumberText<MainChannels>}`
    : never
  : never;

/**
 * The parameter-free fix for the same add: `zeroPadShortcut, stride 2, 64→128` (the paper's option
 * A: subsample, then zero channels); `never` when it cannot (channels shrink, or no projection fits).
 */
export type ZeroPadHint<Main extends Shape, Shortcut extends Shape> = [ProjectionHint<Main, Shortcut>] extends [never]
  ? never
  : Main extends readonly [number, infer MainHeight extends number, number, infer MainChannels]
    ? Shortcut extends readonly [number, infer ShortcutHeight extends number, number, infer ShortcutChannels]
      ? DropsChannels<ShortcutChannels, MainChannels> extends true
        ? never
        : `zeroPadShortcut, stride ${NumberText<CeilDivide<ShortcutHeight, MainHeight>>}, ${NumberText<ShortcutChannels>}→${NumberText<MainChannels>}`
      : never
    : never;

/** The fix of a residual add whose shapes differ: a projection, and the zero-pad where it fits. */
type AddFix<Main extends Shape, Shortcut extends Shape> = [ProjectionHint<Main, Shortcut>] extends [never]
  ? 'make both inputs the same shape'
  : `project the second input with a shortcut conv (${ProjectionHint<Main, Shortcut>}) and batchNorm${[ZeroPadHint<Main, Shortcut>] extends [never] ? '' : `, or zero-pad it (${ZeroPadHint<Main, Shortcut>})`}`;

/**
 * The output shape of `add(main, shortcut)`, or the shape error. Shapes must agree dimension by
 * dimension (an unknown `number` agrees with anything). The run-time twin is `addOutputShape`.
 *
 * @example
 * ```ts
 * type Sum = AddOutput<[number, 8, 8, 16], [number, 8, 8, 16]>; // [number, 8, 8, 16]
 * type Bad = AddOutput<[number, 16, 16, 128], [number, 32, 32, 64]>;
 * // "shape error: add: inputs must have the same shape, but got [N,16,16,128] and [N,32,32,64] — project the second input with a shortcut conv (1×1 conv, stride 2, 64→128) and batchNorm, or zero-pad it (zeroPadShortcut, stride 2, 64→128)"
 * ```
 */
export type AddOutput<Main extends Shape, Shortcut extends Shape, Api extends string = 'add'> =
  number extends Main['length'] | Shortcut['length']
    ? Main
    : MergeShapes<Main, Shortcut> extends infer Merged extends Shape
      ? Merged
      : ShapeErrorMessage<
          Api,
          `inputs must have the same shape, but got ${FormatShape<Main>} and ${FormatShape<Shortcut>}`,
          AddFix<Main, Shortcut>
        >;
