/**
 * Lesson 10: the unrolled view (Veit, Wilber and Belongie 2016, §3) — through n residual blocks,
 * every path chooses at each block to enter it or to take the shortcut.
 */

/**
 * How many of the 2ⁿ paths through `blocks` blocks enter exactly `length` of them: C(n, k).
 *
 * @example
 * pathsOfLength(3, 1); // 3
 */
export function pathsOfLength(blocks: number, length: number): number {
  if (!Number.isInteger(blocks) || !Number.isInteger(length) || length < 0 || length > blocks) {
    throw new RangeError(`pathsOfLength: length must be an integer from 0 to ${blocks}, but got ${length}. Pass a number of blocks entered.`);
  }
  // #region count
  let count = 1;
  for (let k = 1; k <= length; k += 1) count = (count * (blocks - length + k)) / k; // C(n, k), one factor at a time
  return Math.round(count);
  // #endregion
}

/**
 * The share of all 2ⁿ paths that enter between `from` and `to` blocks (inclusive).
 *
 * @example
 * pathShare(54, 5, 17); // the paths Veit et al. found carry most of ResNet-110's gradient
 */
export function pathShare(blocks: number, from: number, to: number): number {
  let inRange = 0;
  for (let length = from; length <= to; length += 1) inRange += pathsOfLength(blocks, length);
  return inRange / 2 ** blocks;
}
