/**
 * The text of a shape error, the same at compile time and at run time:
 * `shape error: <api>: <detail> — <fix>`.
 *
 * @example
 * ```ts
 * type Message = ShapeErrorMessage<'add', '[N,8,8,16] vs [N,8,8,32]', 'make both the same shape'>;
 * // "shape error: add: [N,8,8,16] vs [N,8,8,32] — make both the same shape"
 * ```
 */
export type ShapeErrorMessage<
  Api extends string,
  Detail extends string,
  Fix extends string,
> = `shape error: ${Api}: ${Detail} — ${Fix}`;

/**
 * Builds the run-time text of a shape error; the twin of {@link ShapeErrorMessage}.
 *
 * @param api - the function or block that found the problem, e.g. `'basicBlock'`
 * @param detail - what does not fit, with shapes formatted by `formatShape`
 * @param fix - what to change
 * @example
 * ```ts
 * shapeErrorMessage('add', '[N,8,8,16] vs [N,8,8,32]', 'make both the same shape');
 * ```
 */
export function shapeErrorMessage(api: string, detail: string, fix: string): string {
  return `shape error: ${api}: ${detail} — ${fix}`;
}

/**
 * The error thrown when shapes do not fit at run time (plain JavaScript callers, data loaded at
 * run time). Its message has the same words as the compile-time error for the same mistake.
 *
 * @example
 * ```ts
 * try { assertShape('model.predict', 'input', [null, 32, 32, 3], [8, 28, 28, 1]); }
 * catch (error) { if (error instanceof ShapeError) console.log(error.message); }
 * ```
 */
export class ShapeError extends Error {
  override readonly name = 'ShapeError';
}
