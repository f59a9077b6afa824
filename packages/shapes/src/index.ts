/**
 * @residual/shapes — compile-time NHWC tensor shapes whose type errors name the fix.
 *
 * Types only, plus their run-time twins (`convOutputSize`, `formatShape`, `assertShape`), so that
 * plain JavaScript callers and data loaded at run time get the same messages.
 *
 * @packageDocumentation
 */
export type { Shape, ImageShape, RuntimeShape } from './shape.js';
export { formatShape, type FormatShape } from './format-shape.js';
export { ShapeError, shapeErrorMessage, type ShapeErrorMessage } from './shape-error.js';
export { assertShape, shapesMatch } from './assert-shape.js';
export {
  convOutputSize,
  effectiveKernelSize,
  type OutputSizeOptions,
  type Padding,
} from './output-size.js';
export { pair, formatPair, type PairOption } from './layers/pair.js';
export { assertRank } from './layers/rank-check.js';
export {
  windowOutputShape,
  conv2dOutputShape,
  pool2dOutputShape,
  type WindowOptions,
} from './layers/conv2d-shape.js';
export { addOutputShape, projectionHint } from './layers/add-shape.js';
export {
  blockOutputShape,
  type BlockShapeOptions,
  type Shortcut,
} from './layers/residual-shape.js';
export { globalPoolOutputShape, flattenOutputShape, denseOutputShape } from './layers/vector-shape.js';
