/** How far a browser's number may be from Node's: relative, with an absolute floor near zero. */
export interface Tolerance {
  relative: number;
  absolute: number;
}

/**
 * Lists the differences between a live example's summary in the browser (as shown: the raw
 * `data-value` strings) and in Node. Numbers compare within the tolerance; strings exactly.
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
      const allowed = Math.max(tolerance.absolute, tolerance.relative * Math.abs(expected));
      const same = Number.isNaN(expected) ? Number.isNaN(actual) : Math.abs(actual - expected) <= allowed;
      if (!same) problems.push(`${key}: browser ${shown}, node ${expected} (allowed ±${allowed.toPrecision(3)})`);
    } else if (shown !== expected) problems.push(`${key}: browser "${shown}", node "${expected}"`);
  }
  return problems;
}
