import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { lessonDirs, listLessons, loadLessonData, locales, type LiveRegistry, type Locale } from '@residual/lessons/node';

/** The built site (`npx turbo run build --filter=@residual/site`). */
export const siteDist = fileURLToPath(new URL('../../site/dist', import.meta.url));

/** Where screenshots and timings go (git-ignored). */
export const artifacts = fileURLToPath(new URL('./artifacts', import.meta.url));
mkdirSync(artifacts, { recursive: true });

/** The lessons tree the site was built from: RESIDUAL_LESSONS_ROOT (the fixture) or the package. */
export const dirs = lessonDirs(process.env['RESIDUAL_LESSONS_ROOT'] || undefined);

/** Every lesson page of the site: each lesson in each language, and whether that language has its own text. */
export function lessonPages(): Array<{ locale: Locale; slug: string; path: string; written: boolean }> {
  return listLessons(dirs).flatMap(({ slug, files }) =>
    locales.map((locale) => ({ locale, slug, path: `/${locale}/${slug}/`, written: files[locale] !== undefined })),
  );
}

/** Each live example and the first English page that shows it. */
export async function livePages(): Promise<Array<{ id: string; path: string }>> {
  const { live } = loadLessonData(dirs);
  const pages: Array<{ id: string; path: string }> = [];
  const { compileLesson } = await import('@residual/lessons/node');
  for (const { slug, files } of listLessons(dirs)) {
    if (files.en === undefined) continue;
    const lesson = await compileLesson('en', slug, { dirs, data: null });
    for (const use of lesson.outline.components) {
      const id = use.props['id'];
      if (use.name === 'Live' && id !== undefined && live.includes(id) && !pages.some((page) => page.id === id)) pages.push({ id, path: `/en/${slug}/` });
    }
  }
  return pages;
}

/** The live example registry the site bundles (the fixture's when RESIDUAL_LESSONS_ROOT is set). */
export async function liveRegistry(): Promise<LiveRegistry> {
  const module = (process.env['RESIDUAL_LESSONS_ROOT']
    ? await import(pathToFileURL(join(dirs.examples, 'live.ts')).href)
    : await import('@residual/lessons/live')) as { liveExamples: LiveRegistry };
  return module.liveExamples;
}
