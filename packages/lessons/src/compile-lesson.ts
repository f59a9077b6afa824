import { listLessons } from './lesson-files.js';
import { loadLessonData } from './lesson-data.js';
import type { LessonData } from './lesson-data-types.js';
import type { Locale } from './locales.js';
import { compileMdxFile, type CompiledLesson } from './mdx/compile-mdx.js';
import { lessonDirs, type LessonDirs } from './package-root.js';

/** Options of {@link compileLesson}. */
export interface CompileLessonOptions {
  /** The lessons tree (default: this package). */
  dirs?: LessonDirs;
  /** Data to check references against (default: the generated data); `null` checks structure only. */
  data?: LessonData | null;
}

/**
 * Compiles the lesson `content/<locale>/<slug>.mdx` (see {@link compileMdxFile}).
 *
 * @param locale - `en` or `zh-cn`.
 * @param slug - the file name without `.mdx`, e.g. `04-bottleneck`.
 * @param options - another lessons tree, or the data to check against.
 * @example
 * const { code, frontmatter, headings } = await compileLesson('zh-cn', '04-bottleneck');
 */
export async function compileLesson(locale: Locale, slug: string, options: CompileLessonOptions = {}): Promise<CompiledLesson> {
  const dirs = options.dirs ?? lessonDirs();
  const lesson = listLessons(dirs).find((entry) => entry.slug === slug);
  const file = lesson?.files[locale];
  if (file === undefined) {
    throw new Error(
      `compileLesson: the lesson must exist as content/${locale}/${slug}.mdx, but it was not found. ` +
        'Create it with `npm run new-lesson -w @residual/lessons -- <slug>`.',
    );
  }
  const data = options.data === undefined ? loadLessonData(dirs) : options.data;
  return compileMdxFile(file, { data, relativeTo: dirs.root });
}
