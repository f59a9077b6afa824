import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { locales, type Locale } from './locales.js';
import { lessonDirs, type LessonDirs } from './package-root.js';

/** One lesson: its slug (`04-bottleneck`), position, and its file in each language that has one. */
export interface LessonEntry {
  slug: string;
  /** The `NN` prefix of the file name. */
  order: number;
  /** Absolute paths, by locale; a language without the file is absent. */
  files: Partial<Record<Locale, string>>;
}

const lessonFileName = /^(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.mdx$/;

/**
 * Lists the lessons in `content/<locale>/NN-slug.mdx`, ordered by `NN`, with the file of each language.
 *
 * @param dirs - the lessons tree (default: this package).
 * @example
 * listLessons().map((lesson) => lesson.slug); // ['01-residual-idea', '02-vanishing-gradients', …]
 */
export function listLessons(dirs: LessonDirs = lessonDirs()): LessonEntry[] {
  const bySlug = new Map<string, LessonEntry>();
  for (const locale of locales) {
    const folder = join(dirs.content, locale);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      if (!name.endsWith('.mdx')) continue;
      const match = lessonFileName.exec(name);
      if (match === null) {
        throw new Error(
          `listLessons: a lesson file name must look like NN-kebab-slug.mdx, but got content/${locale}/${name}. Rename it (e.g. 08-my-topic.mdx).`,
        );
      }
      const slug = name.slice(0, -'.mdx'.length);
      const entry = bySlug.get(slug) ?? { slug, order: Number(match[1]), files: {} };
      entry.files[locale] = join(folder, name);
      bySlug.set(slug, entry);
    }
  }
  return [...bySlug.values()].sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
}
