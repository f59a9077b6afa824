/**
 * A value on a log axis as text: values far from 1 as powers of ten (`1e-22`), where uPlot's
 * default, a fixed number of decimals, prints every tick below 0.001 as `0`.
 *
 * @param value - a tick or a value under the cursor.
 * @param digits - significant digits (1 for ticks, more for values read off the cursor).
 * @example
 * logAxisValue(1e-10); // '1e-10'
 * logAxisValue(0.01); // '0.01'
 * logAxisValue(1.3716e-22, 3); // '1.37e-22'
 */
export function logAxisValue(value: number, digits = 1): string {
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e4)) return value.toExponential(digits - 1);
  return String(Number(value.toPrecision(digits)));
}
