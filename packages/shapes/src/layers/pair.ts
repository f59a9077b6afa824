/** A size given once for both spatial axes (`3`) or per axis (`[3, 5]` = height 3, width 5). */
export type PairOption = number | readonly [number, number];

/**
 * Splits a {@link PairOption} into `[height, width]`.
 *
 * @example
 * ```ts
 * pair(3);      // [3, 3]
 * pair([3, 5]); // [3, 5]
 * ```
 */
export function pair(value: PairOption): [number, number] {
  return typeof value === 'number' ? [value, value] : [value[0], value[1]];
}

/**
 * Formats a window size as messages print it.
 *
 * @example
 * ```ts
 * formatPair(3);      // "3×3"
 * formatPair([1, 7]); // "1×7"
 * ```
 */
export function formatPair(value: PairOption): string {
  const [height, width] = pair(value);
  return `${height}×${width}`;
}
