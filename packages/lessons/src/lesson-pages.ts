import type { LessonEntry } from './lesson-files.js';
import { defaultLocale, locales, type Locale } from './locales.js';

/** One page the site builds: a lesson in a language, and the language its text is in. */
export interface PlannedPage {
  slug: string;
  order: number;
  locale: Locale;
  /** `locale` when the lesson exists in it; otherwise the language the page falls back to. */
  sourceLocale: Locale;
  /** The .mdx file the page renders. */
  file: string;
}

/**
 * Plans every lesson page in every language: a lesson missing in one language still gets a page
 * there, showing the text of the default language (or any language that has it), so links and
 * the language switcher never break.
 *
 * @param entries - from {@link listLessons}.
 * @returns pages by locale, in lesson order.
 * @example
 * planLessonPages(listLessons())['zh-cn'][0]; // { slug: '01-residual-idea', locale: 'zh-cn', sourceLocale: 'zh-cn', … }
 */
export function planLessonPages(entries: readonly LessonEntry[]): Record<Locale, PlannedPage[]> {
  const pages = Object.fromEntries(locales.map((locale) => [locale, [] as PlannedPage[]])) as Record<Locale, PlannedPage[]>;
  for (const entry of entries) {
    for (const locale of locales) {
      const sourceLocale = [locale, defaultLocale, ...locales].find((candidate) => entry.files[candidate] !== undefined);
      const file = sourceLocale === undefined ? undefined : entry.files[sourceLocale];
      if (sourceLocale === undefined || file === undefined) continue;
      pages[locale].push({ slug: entry.slug, order: entry.order, locale, sourceLocale, file });
    }
  }
  return pages;
}
