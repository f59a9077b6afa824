import { relative } from 'node:path';
import { listLessons } from '../lesson-files.js';
import { locales } from '../locales.js';
import { compileMdxFile } from '../mdx/compile-mdx.js';
import { lessonDirs, type LessonDirs } from '../package-root.js';
import { compareFrontmatter } from './compare-frontmatter.js';
import { compareOutlines } from './compare-outlines.js';

/**
 * The parity check: every lesson must exist in every language with the same headings, the same
 * components (ids, files, regions, in order) and the same numbers in each section's prose, and
 * with its title and description translated.
 * Checks structure only (no generated data needed).
 *
 * @param dirs - the lessons tree (default: this package).
 * @returns one message per difference, naming the files; empty when the languages agree.
 * @example
 * expect(await checkParity()).toEqual([]);
 */
export async function checkParity(dirs: LessonDirs = lessonDirs()): Promise<string[]> {
  const problems: string[] = [];
  const name = (file: string) => relative(dirs.root, file);
  for (const lesson of listLessons(dirs)) {
    const [first, ...others] = locales;
    const present = locales.filter((locale) => lesson.files[locale] !== undefined);
    for (const locale of locales) {
      if (lesson.files[locale] === undefined) {
        problems.push(`content/${locale}/${lesson.slug}.mdx must exist, because ${present.map((other) => `content/${other}/${lesson.slug}.mdx`).join(' and ')} does. Write the lesson in ${locale} too.`);
      }
    }
    const fileA = first === undefined ? undefined : lesson.files[first];
    if (first === undefined || fileA === undefined) continue;
    const compiledA = await compileMdxFile(fileA, { data: null, relativeTo: dirs.root });
    const a = { locale: first, file: name(fileA), outline: compiledA.outline, frontmatter: compiledA.frontmatter };
    for (const other of others) {
      const fileB = lesson.files[other];
      if (fileB === undefined) continue;
      const compiledB = await compileMdxFile(fileB, { data: null, relativeTo: dirs.root });
      const b = { locale: other, file: name(fileB), outline: compiledB.outline, frontmatter: compiledB.frontmatter };
      problems.push(...compareFrontmatter({ a, b }), ...compareOutlines({ a, b }));
    }
  }
  return problems;
}
