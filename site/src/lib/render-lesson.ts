import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { loadLiveExample, loadResults, lessonDirs, type CompiledLesson, type LiveExample, type Locale, type RecordedResults } from '@residual/lessons/node';
import { liveExamples } from '@residual/lessons/live';
import { lessonComponents } from '../components/lesson-components.js';
import { highlightTs } from './highlight.js';
import { mdxComponent } from './mdx-component.js';
import { renderContext, snippetKey, type RenderContext } from './render-context.js';
import type { SiteData } from './site-data.js';

/**
 * Renders a compiled lesson to static HTML: highlights its example and bug snippets (with the
 * compiler's hover types and errors from the generated lesson data), reads its
 * recorded results, then renders the MDX with the lesson components.
 *
 * @param lesson - the compiled lesson (or guide).
 * @param site - the site data (lesson data and UI strings).
 * @param locale - the page language; `sourceLocale` the language of the text.
 * @example
 * const html = await renderLesson(page.lesson, site, 'zh-cn', 'zh-cn');
 */
export async function renderLesson(lesson: CompiledLesson, site: SiteData, locale: Locale, sourceLocale: Locale): Promise<string> {
  const snippets = new Map<string, string>();
  const results = new Map<string, RecordedResults | undefined>();
  const live = new Map<string, LiveExample>();
  const dirs = lessonDirs(process.env['RESIDUAL_LESSONS_ROOT'] || undefined);
  for (const { name, props } of lesson.outline.components) {
    if (name === 'Example') {
      const file = props['file'] ?? '';
      const example = site.data.examples[file];
      const text = props['region'] === undefined ? example?.text : example?.regions[props['region']];
      if (text !== undefined) snippets.set(snippetKey('example', file, props['region']), await highlightTs(text, site.data.types[`examples/${file}`]?.[props['region'] ?? '']));
    } else if (name === 'CompilerError') {
      const capture = site.data.compilerErrors[props['id'] ?? ''];
      const slice = props['region'] === undefined ? capture?.source : capture?.regions[props['region']];
      if (capture !== undefined && slice !== undefined) {
        snippets.set(snippetKey('bug', capture.id, props['region']), await highlightTs(slice.text, site.data.types[capture.file]?.[props['region'] ?? '']));
      }
    } else if (name === 'Live') {
      const id = props['id'] ?? '';
      live.set(id, await loadLiveExample(liveExamples, id));
    } else if (name === 'Results') {
      const id = props['id'] ?? '';
      results.set(id, loadResults(id, dirs));
    }
  }
  const context: RenderContext = { locale, sourceLocale, ui: site.ui[locale], data: site.data, snippets, live, results, exercises: { count: 0 } };
  const Content = mdxComponent(lesson.code);
  return renderToStaticMarkup(createElement(renderContext.Provider, { value: context }, createElement(Content, { components: lessonComponents })));
}
