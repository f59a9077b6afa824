/**
 * @residual/shapes — compile-time NHWC tensor shapes whose type errors name the fix.
 *
 * Types only, plus their run-time twins (`convOutputSize`, `conv2dOutputShape`,
 * `blockOutputShape`, `formatShape`, `assertShape`, …), so that plain JavaScript callers and data
 * loaded at run time get the same messages as the compiler gives.
 *
 * @packageDocumentation
 */
// Shapes and their text.
export type { Shape, ImageShape, RuntimeShape } from './shape.js';
export { formatShape, type FormatShape } from './format-shape.js';
export { ShapeError, shapeErrorMessage, type ShapeErrorMessage } from './shape-error.js';
export type { Checked, Poisoned, IsShapeError, UnknownDims } from './checked.js';
export { assertShape, shapesMatch } from './assert-shape.js';
export { closestName } from './closest-name.js';

// Type-level natural-number arithmetic on decimal digit strings.
export type { Add } from './arithmetic/add.js';
export type { Subtract } from './arithmetic/subtract.js';
export type { Multiply } from './arithmetic/multiply.js';
export type { FloorDivide, CeilDivide } from './arithmetic/divide.js';
export type { Compare, Order } from './arithmetic/compare.js';

// Output sizes of conv and pooling windows.
export {
  convOutputSize,
  effectiveKernelSize,
  type OutputSizeOptions,
  type Padding,
} from './output-size.js';
export type { ConvOutputSize } from './output-size-type.js';

// Layer and block output shapes: each type with its run-time twin.
export { pair, formatPair, type PairOption } from './layers/pair.js';
export { assertRank } from './layers/rank-check.js';
export {
  windowOutputShape,
  conv2dOutputShape,
  pool2dOutputShape,
  type WindowOptions,
} from './layers/conv2d-shape.js';
export type { Conv2dOutput, Pool2dOutput, ImageRankError } from './layers/window-output.js';
export { addOutputShape, projectionHint, zeroPadHint } from './layers/add-shape.js';
export type { AddOutput, ProjectionHint, ZeroPadHint } from './layers/add-output.js';
export {
  assertShortcut,
  blockOutputShape,
  shortcuts,
  type BlockShapeOptions,
  type Shortcut,
} from './layers/residual-shape.js';
export type { BlockOutput, ChangesShape } from './layers/block-output.js';
export { stageShortcut } from './layers/stage-shortcut.js';
export type { StageShortcut } from './layers/stage-shortcut-type.js';
export { shortcutFix, zeroPadOutputShape, type ZeroPadOptions } from './layers/zero-pad-shape.js';
export type { ShortcutFix, ZeroPadOutput, DropsChannels } from './layers/zero-pad-output.js';
export { globalPoolOutputShape, flattenOutputShape, denseOutputShape } from './layers/vector-shape.js';
export type { GlobalPoolOutput, FlattenOutput, DenseOutput } from './layers/vector-output.js';
