import { formatShape } from './format-shape.js';
import { ShapeError } from './shape-error.js';
import type { RuntimeShape } from './shape.js';

/**
 * True when the ranks agree and every known dimension of `expected` equals the one in `actual`
 * (`null`/`undefined` on either side matches anything).
 *
 * @example
 * ```ts
 * shapesMatch([null, 32, 32, 3], [8, 32, 32, 3]); // true
 * shapesMatch([null, 32, 32, 3], [8, 28, 28, 1]); // false
 * ```
 */
export function shapesMatch(expected: RuntimeShape, actual: RuntimeShape): boolean {
  if (expected.length !== actual.length) return false;
  return expected.every((dim, index) => dim == null || actual[index] == null || dim === actual[index]);
}

/**
 * Checks at run time what the compiler cannot see (data loaded at run time, casts, plain
 * JavaScript) and throws a {@link ShapeError} worded
 * `<api>: <what> must be [N, 32, 32, 3], but got [8, 28, 28, 1]. <fix>`.
 *
 * @param api - who checks, e.g. `'resnet20.predict'`
 * @param what - what is checked, e.g. `'input'`
 * @param expected - the shape it must have; `null` marks a dimension that may be anything
 * @param actual - the shape it has, e.g. `tensor.shape`
 * @param fix - how to fix it; defaults to a generic hint
 * @throws {@link ShapeError} when a known dimension or the rank differs
 * @example
 * ```ts
 * assertShape('resnet20.predict', 'input', [null, 32, 32, 3], [8, 32, 32, 3]); // passes
 * assertShape('resnet20.predict', 'input', [null, 32, 32, 3], [8, 28, 28, 1]);
 * // ShapeError: resnet20.predict: input must be [N, 32, 32, 3], but got [8, 28, 28, 1]. …
 * ```
 */
export function assertShape(
  api: string,
  what: string,
  expected: RuntimeShape,
  actual: RuntimeShape,
  fix = 'Reshape or resize the data to the expected shape.',
): void {
  if (shapesMatch(expected, actual)) return;
  throw new ShapeError(
    `${api}: ${what} must be ${formatShape(expected, ', ')}, but got ${formatShape(actual, ', ')}. ${fix}`,
  );
}
