/** How far a browser's number may be from Node's: relative, with an absolute floor near zero. */
export interface Tolerance {
  relative: number;
  absolute: number;
}

/**
 * One unit in the last decimal place of a value that an example rounded (e.g. 0.01 for `1.69`);
 * 0 for integers and full-precision floats. A rounded value may flip by one unit between backends.
 */
export function lastDigit(value: number): number {
  const text = String(value);
  if (/e/i.test(text)) return 0;
  const decimals = text.split('.')[1]?.length ?? 0;
  return decimals === 0 || decimals >= 6 ? 0 : 10 ** -decimals;
}

/**
 * Lists the differences between a live example's summary in the browser (as shown: the raw
 * `data-value` strings) and in Node. Numbers compare within the tolerance (or one unit of the last
 * digit of a rounded value); strings exactly.
 *
 * @param browser - key → shown raw value.
 * @param node - key → value Node computed.
 * @param tolerance - allowed numeric difference.
 * @example
 * compareSummary({ loss: '0.5001' }, { loss: 0.5 }, { relative: 1e-3, absolute: 1e-6 }); // []
 */
export function compareSummary(browser: Record<string, string>, node: Record<string, number | string>, tolerance: Tolerance): string[] {
  const problems: string[] = [];
  const keys = new Set([...Object.keys(browser), ...Object.keys(node)]);
  for (const key of keys) {
    const shown = browser[key];
    const expected = node[key];
    if (shown === undefined || expected === undefined) {
      problems.push(`${key}: browser ${shown ?? '(missing)'}, node ${expected ?? '(missing)'}`);
    } else if (typeof expected === 'number') {
      const actual = Number(shown);
      const allowed = Math.max(tolerance.absolute, tolerance.relative * Math.abs(expected), lastDigit(expected));
      const same = Number.isNaN(expected) ? Number.isNaN(actual) : Math.abs(actual - expected) <= allowed * (1 + 1e-9);
      if (!same) problems.push(`${key}: browser ${shown}, node ${expected} (allowed ±${allowed.toPrecision(3)})`);
    } else if (shown !== expected) problems.push(`${key}: browser "${shown}", node "${expected}"`);
  }
  return problems;
}
