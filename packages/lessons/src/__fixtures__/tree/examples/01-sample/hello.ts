/** A tiny example file for the machinery's tests. */
// #region count
export function count(channels: number): number {
  return 9 * channels * channels;
}
// #endregion
