/**
 * Formats a number the way lessons show it: thousands grouped with commas (`69,632`), at most
 * `digits` decimals (default: up to 4 significant decimals, trailing zeros dropped). The same
 * format in both languages, so the parity check can compare the digits.
 *
 * @param value - the number to show.
 * @param digits - fixed number of decimals; omit for the shortest exact-looking form.
 * @example
 * formatNumber(1179648); // '1,179,648'
 * formatNumber(0.0255179, 3); // '0.026'
 */
export function formatNumber(value: number, digits?: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && digits === undefined) return groupThousands(value.toFixed(0));
  const text = digits === undefined ? shortest(value) : value.toFixed(digits);
  return groupThousands(text);
}

function shortest(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-4 || magnitude >= 1e15)) return value.toExponential(3);
  const decimals = magnitude >= 1 ? 4 : Math.max(4, 3 - Math.floor(Math.log10(magnitude)));
  return String(Number(value.toFixed(Math.min(decimals, 12))));
}

function groupThousands(text: string): string {
  if (/e/i.test(text)) return text;
  const [whole = '', fraction] = text.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digitsOnly = sign === '' ? whole : whole.slice(1);
  const grouped = digitsOnly.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? `${sign}${grouped}` : `${sign}${grouped}.${fraction}`;
}
