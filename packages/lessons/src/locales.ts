/** The languages every lesson is written in, in the order the site lists them. */
export const locales = ['en', 'zh-cn'] as const;

/** One of the lesson languages: `en` (English) or `zh-cn` (Simplified Chinese). */
export type Locale = (typeof locales)[number];

/** The locale whose text a page falls back to when its own is missing. */
export const defaultLocale: Locale = 'en';

/**
 * Whether a string names one of the lesson languages.
 *
 * @param value - any string, e.g. a URL segment.
 * @example
 * isLocale('zh-cn'); // true
 * isLocale('fr'); // false
 */
export function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value);
}

/**
 * The HTML `lang` attribute for a locale (`zh-CN` for `zh-cn`).
 *
 * @param locale - a lesson language.
 * @example
 * htmlLang('zh-cn'); // 'zh-CN'
 */
export function htmlLang(locale: Locale): string {
  return locale === 'zh-cn' ? 'zh-CN' : 'en';
}
