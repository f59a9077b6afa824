import type { Shape } from './shape.js';

/**
 * A layer's parameter type: the argument's own type when the layer's result is a shape, the
 * error message (a string literal type) when it is a shape error — so that tsc reports the
 * message on the argument that is wrong:
 * `Argument of type '{ filters: 128; strides: 2; }' is not assignable to parameter of type
 * '"shape error: basicBlock: …"'`.
 *
 * @example
 * ```ts
 * declare function dense<InShape extends Shape, Units extends number>(
 *   x: Checked<DenseOutput<InShape, Units>, Sym<InShape>>, units: Units): void;
 * ```
 */
export type Checked<Result, Argument> = [Result] extends [never] ? Argument : [Result] extends [string] ? Result : Argument;

/**
 * A layer's result after a shape error: an unknown shape of the layer's rank (`Fallback`), which
 * every later layer accepts — one bug gives one error, not fifty.
 *
 * @example
 * ```ts
 * type Next = Poisoned<'shape error: …', [number, number, number, number]>; // all unknown
 * type Ok = Poisoned<[number, 8, 8, 16], [number, number, number, number]>; // [number, 8, 8, 16]
 * ```
 */
export type Poisoned<Result, Fallback extends Shape> = [Result] extends [Shape] ? Result : Fallback;

/**
 * The same rank as `Dims`, every dimension unknown: what a poisoned result looks like.
 *
 * @example
 * ```ts
 * type Unknown = UnknownDims<[number, 8, 8, 16]>; // [number, number, number, number]
 * ```
 */
export type UnknownDims<Dims extends Shape> = { -readonly [Index in keyof Dims]: number };

/** True when a layer-shape type is a shape error (a message string). */
export type IsShapeError<Result> = [Result] extends [string] ? true : false;
