const fullWidthDigit = /[\uFF10-\uFF19]/g;
const numberToken = /\d+(?:[.,]\d+)*/g;

/**
 * The numbers written in a piece of prose, as digit strings: full-width digits made ASCII and
 * thousands separators dropped, so `1,179,648` and `１１７９６４８` both give `1179648`.
 *
 * @param text - prose, inline code or a code block.
 * @example
 * proseNumbers('0.99^365 ≈ 0.0255, 1,179,648 parameters'); // ['0.99', '365', '0.0255', '1179648']
 */
export function proseNumbers(text: string): string[] {
  const ascii = text.replace(fullWidthDigit, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xff10 + 48));
  return [...ascii.matchAll(numberToken)].map((match) => match[0].replace(/,(?=\d{3}(?!\d))/g, ''));
}
