import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  compileMdxFile,
  generatedFiles,
  lessonDirs,
  listLessons,
  planLessonPages,
  loadLessonData,
  loadUiStrings,
  locales,
  type CompiledLesson,
  type LessonData,
  type Locale,
  type UiStrings,
} from '@residual/lessons/node';

// The guide's text, bundled with the site code (a path from import.meta.url would point into dist/).
const guideSources = import.meta.glob<string>('../guide/*.mdx', { query: '?raw', import: 'default', eager: true });

/** One lesson page: the compiled lesson and which language its text is in. */
export interface LessonPage {
  slug: string;
  order: number;
  locale: Locale;
  /** The language the text is in: differs from `locale` when the page falls back. */
  sourceLocale: Locale;
  lesson: CompiledLesson;
}

/** Everything the site renders, compiled once per build. */
export interface SiteData {
  data: LessonData;
  ui: Record<Locale, UiStrings>;
  /** Lesson pages by locale, in lesson order (every lesson exists in every locale, maybe as a fallback). */
  pages: Record<Locale, LessonPage[]>;
  /** The authors' guide by locale. */
  guide: Record<Locale, CompiledLesson>;
}

let loading: Promise<SiteData> | undefined;
/** In `astro dev`: what the last load read (file names and modification times). */
let loadedStamp: string | undefined;
/** Compiled lessons by file, with the stamp they were compiled at. */
const compiledByFile = new Map<string, { stamp: string; lesson: CompiledLesson }>();

/**
 * Lists and compiles every lesson in both languages and the guide (memoised for the whole build).
 * A lesson missing in one language gets that language's page with the other language's text.
 * In `astro dev` it reloads when a lesson, a UI file or the generated data changed since the last
 * call, compiling again only the lessons whose file changed (or all, when the data changed).
 *
 * @example
 * const { pages } = await siteData();
 * pages['zh-cn'][0].lesson.frontmatter.title;
 */
export function siteData(): Promise<SiteData> {
  if (import.meta.env.DEV) {
    const stamp = sourcesStamp();
    if (stamp !== loadedStamp) {
      loadedStamp = stamp;
      loading = load();
    }
  }
  loading ??= load();
  return loading;
}

/** Modification times of the files a load reads, as one string. */
function sourcesStamp(): string {
  const dirs = lessonDirs(process.env['RESIDUAL_LESSONS_ROOT'] || undefined);
  const files = [
    ...listLessons(dirs).flatMap((lesson) => Object.values(lesson.files)),
    ...locales.map((locale) => join(dirs.ui, `${locale}.json`)),
    ...Object.values(generatedFiles).map((name) => join(dirs.generated, name)),
  ];
  return files.map((file) => `${file}@${existsSync(file) ? statSync(file).mtimeMs : 0}`).join('|');
}

/** The generated data's modification times: lessons are checked against it, so a change recompiles them. */
function dataStamp(dirs: ReturnType<typeof lessonDirs>): string {
  return Object.values(generatedFiles)
    .map((name) => join(dirs.generated, name))
    .map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0))
    .join('|');
}

async function load(): Promise<SiteData> {
  const dirs = lessonDirs(process.env['RESIDUAL_LESSONS_ROOT'] || undefined);
  const data = loadLessonData(dirs);
  const planned = planLessonPages(listLessons(dirs));
  const pages = { en: [], 'zh-cn': [] } as Record<Locale, LessonPage[]>;
  const compiled = new Map<string, CompiledLesson>();
  for (const locale of locales) {
    for (const { slug, order, sourceLocale, file } of planned[locale]) {
      const stamp = `${statSync(file).mtimeMs}|${dataStamp(dirs)}`;
      const earlier = compiledByFile.get(file);
      const lesson = compiled.get(file) ?? (earlier?.stamp === stamp ? earlier.lesson : await compileMdxFile(file, { data, relativeTo: dirs.root }));
      compiledByFile.set(file, { stamp, lesson });
      compiled.set(file, lesson);
      pages[locale].push({ slug, order, locale, sourceLocale, lesson });
    }
  }
  const guide = {} as Record<Locale, CompiledLesson>;
  for (const locale of locales) {
    const source = guideSources[`../guide/${locale}.mdx`];
    if (source === undefined) throw new Error(`siteData: the guide must exist as site/src/guide/${locale}.mdx, but it was not found. Write it.`);
    guide[locale] = await compileMdxFile(`site/src/guide/${locale}.mdx`, { data, source, relativeTo: '.' });
  }
  const ui = Object.fromEntries(locales.map((locale) => [locale, loadUiStrings(locale)])) as Record<Locale, UiStrings>;
  return { data, ui, pages, guide };
}
