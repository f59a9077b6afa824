/**
 * A byte count for people: `48.0 MiB`, `27.9 GiB`.
 *
 * @param bytes - a size.
 * @returns the size in B, KiB, MiB, GiB or TiB, one decimal.
 * @example
 * formatBytes(3 * 2 ** 30); // '3.0 GiB'
 */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}
