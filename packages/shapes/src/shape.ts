/**
 * A tensor shape known to the compiler: a tuple of dimension sizes, NHWC for images
 * (`[N, H, W, C]`). A dimension whose type is `number` is unknown (the batch usually is);
 * anything computed from an unknown dimension is unknown too, never an error.
 *
 * @example
 * ```ts
 * type Images = [number, 32, 32, 3]; // [N, H, W, C]
 * ```
 */
export type Shape = readonly number[];

/** A rank-4 image shape, `[N, H, W, C]`. */
export type ImageShape = [number, number, number, number];

/**
 * A shape as TF.js reports it at run time: `null` (or `undefined`) marks an unknown dimension,
 * usually the batch.
 *
 * @example
 * ```ts
 * const shape: RuntimeShape = [null, 32, 32, 3]; // [N, H, W, C]
 * ```
 */
export type RuntimeShape = readonly (number | null | undefined)[];
