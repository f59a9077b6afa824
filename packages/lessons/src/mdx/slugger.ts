/**
 * Makes heading ids much like GitHub: lower case, punctuation dropped, runs of spaces to one dash, letters of
 * every script kept (so Chinese headings get Chinese ids), repeats numbered `-1`, `-2`.
 *
 * @example
 * const slug = createSlugger();
 * slug('Why deeper nets got worse'); // 'why-deeper-nets-got-worse'
 * slug('小结'); // '小结'
 */
export function createSlugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base =
      text
        .toLowerCase()
        .trim()
        .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
        .replace(/\s+/g, '-') || 'section';
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  };
}
