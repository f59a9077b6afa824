import GithubSlugger from 'github-slugger';

/**
 * Makes heading ids the way GitHub does (github-slugger): lower case, punctuation dropped, each
 * space a dash, letters of every script kept (so Chinese headings get Chinese ids), repeats
 * numbered `-1`, `-2`. A heading with no letters or digits gets `section`.
 *
 * @example
 * const slug = createSlugger();
 * slug('Why deeper nets got worse'); // 'why-deeper-nets-got-worse'
 * slug('小结'); // '小结'
 */
export function createSlugger(): (text: string) => string {
  const slugger = new GithubSlugger();
  return (text) => slugger.slug(/[\p{L}\p{N}]/u.test(text) ? text : 'section');
}
