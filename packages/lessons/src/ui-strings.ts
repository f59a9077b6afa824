import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMessage } from './format-message.js';
import type { Locale } from './locales.js';
import { lessonDirs, type LessonDirs } from './package-root.js';

/** A locale's UI strings, with a lookup that fails on unknown keys. */
export interface UiStrings {
  locale: Locale;
  /** Every string by its flat key (`'live.run'`). */
  strings: Readonly<Record<string, string>>;
  /** The string for `key`, placeholders filled; throws on an unknown key. */
  t(key: string, params?: Readonly<Record<string, string | number>>): string;
}

/**
 * Loads `ui/<locale>.json` (flat keys to strings).
 *
 * @param locale - `en` or `zh-cn`.
 * @param dirs - the lessons tree (default: this package).
 * @example
 * loadUiStrings('zh-cn').t('lesson.lesson', { n: 4 }); // '第 4 课'
 */
export function loadUiStrings(locale: Locale, dirs: LessonDirs = lessonDirs()): UiStrings {
  const file = join(dirs.ui, `${locale}.json`);
  const strings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  return {
    locale,
    strings,
    t(key, params) {
      const template = strings[key];
      if (template === undefined) throw new Error(`loadUiStrings: key must exist in ui/${locale}.json, but got "${key}". Add it to both ui files.`);
      return formatMessage(template, params);
    },
  };
}
