import type { Locale } from '../locales.js';
import type { LessonFrontmatter } from '../mdx/compile-mdx.js';

/** Two languages of one lesson: their front matter and file names for messages. */
export interface FrontmatterPair {
  a: { locale: Locale; file: string; frontmatter: LessonFrontmatter };
  b: { locale: Locale; file: string; frontmatter: LessonFrontmatter };
}

/** The script a locale's titles must be written in, where one can be checked. */
const scripts: Partial<Record<Locale, { name: string; pattern: RegExp }>> = {
  'zh-cn': { name: 'Chinese', pattern: /\p{Script=Han}/u },
};

/** The front matter fields a reader sees (page title, home page list, search results). */
const shownFields = ['title', 'description'] as const;

/**
 * Lists the front matter a reader sees (title and description) that was left untranslated: the
 * same text as in the other language, or, for Chinese, text without a single Chinese character.
 *
 * @param pair - the front matter of both languages.
 * @returns one message per untranslated field, naming the file; empty when both are translated.
 * @example
 * compareFrontmatter({ a: { locale: 'en', file: 'content/en/08-x.mdx', frontmatter: { title: 'X' } },
 *                      b: { locale: 'zh-cn', file: 'content/zh-cn/08-x.mdx', frontmatter: { title: 'X' } } });
 * // ['content/zh-cn/08-x.mdx: the title must be translated into zh-cn, but it is the same as in content/en/08-x.mdx ("X"). Translate it.']
 */
export function compareFrontmatter({ a, b }: FrontmatterPair): string[] {
  const problems: string[] = [];
  for (const field of shownFields) {
    const textA = a.frontmatter[field]?.trim();
    const textB = b.frontmatter[field]?.trim();
    if (textA === undefined || textB === undefined) {
      if (textA !== textB) {
        const [has, lacks] = textA === undefined ? [b, a] : [a, b];
        problems.push(`${lacks.file}: the ${field} must be given in front matter, because ${has.file} has one. Add it.`);
      }
      continue;
    }
    if (textA === textB) {
      problems.push(`${b.file}: the ${field} must be translated into ${b.locale}, but it is the same as in ${a.file} (${JSON.stringify(textB)}). Translate it.`);
      continue;
    }
    for (const side of [a, b]) {
      const script = scripts[side.locale];
      const text = side.frontmatter[field]?.trim() ?? '';
      if (script !== undefined && !script.pattern.test(text)) {
        problems.push(`${side.file}: the ${field} must be written in ${script.name}, but ${JSON.stringify(text)} has no ${script.name} characters. Translate it.`);
      }
    }
  }
  return problems;
}
