const superscript: Readonly<Record<string, string>> = {
  '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

/**
 * A number in scientific notation the way the lessons print it: `9.54 × 10⁻⁷`. Used for tiny
 * differences (rounding errors) whose size matters more than their digits. Zero stays `0`.
 *
 * @param value - the number
 * @param digits - decimals of the mantissa (default 1)
 * @example
 * scientific(9.5367e-7, 2); // '9.54 × 10⁻⁷'
 */
export function scientific(value: number, digits = 1): string {
  if (value === 0) return '0';
  const [mantissa = '', exponent = ''] = value.toExponential(digits).split('e');
  const power = [...exponent.replace('+', '')].map((char) => superscript[char] ?? char).join('');
  return `${mantissa} × 10${power}`;
}

const fromSuperscript = Object.fromEntries(Object.entries(superscript).map(([plain, raised]) => [raised, plain]));

/**
 * Reads back what {@link scientific} wrote (for tests).
 *
 * @param text - e.g. `'9.54 × 10⁻⁷'`
 * @example
 * parseScientific('2.4 × 10⁻⁷'); // 2.4e-7
 */
export function parseScientific(text: string | number | undefined | object): number {
  if (typeof text === 'number') return text;
  if (typeof text !== 'string') return Number.NaN;
  const match = /^(-?\d+(?:\.\d+)?) × 10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(text);
  if (match === null) return Number(text);
  const power = [...(match[2] ?? '')].map((char) => fromSuperscript[char] ?? char).join('');
  return Number(`${match[1]}e${power}`);
}
