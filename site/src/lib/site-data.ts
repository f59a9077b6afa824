import {
  compileMdxFile,
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

/**
 * Lists and compiles every lesson in both languages and the guide (memoised for the whole build).
 * A lesson missing in one language gets that language's page with the other language's text.
 *
 * @example
 * const { pages } = await siteData();
 * pages['zh-cn'][0].lesson.frontmatter.title;
 */
export function siteData(): Promise<SiteData> {
  loading ??= load();
  return loading;
}

async function load(): Promise<SiteData> {
  const dirs = lessonDirs(process.env['RESIDUAL_LESSONS_ROOT'] || undefined);
  const data = loadLessonData(dirs);
  const planned = planLessonPages(listLessons(dirs));
  const pages = { en: [], 'zh-cn': [] } as Record<Locale, LessonPage[]>;
  const compiled = new Map<string, CompiledLesson>();
  for (const locale of locales) {
    for (const { slug, order, sourceLocale, file } of planned[locale]) {
      const lesson = compiled.get(file) ?? (await compileMdxFile(file, { data, relativeTo: dirs.root }));
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
