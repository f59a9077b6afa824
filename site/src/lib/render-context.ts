import { createContext, useContext } from 'react';
import type { LessonData, LiveExample, Locale, RecordedResults, UiStrings } from '@residual/lessons/node';

/** What the lesson components read while a page renders. */
export interface RenderContext {
  /** The page's language (UI strings). */
  locale: Locale;
  /** The language of the lesson text (differs on a fallback page); picks table headers. */
  sourceLocale: Locale;
  ui: UiStrings;
  data: LessonData;
  /** Highlighted HTML by snippet key (see `snippetKey`). */
  snippets: ReadonlyMap<string, string>;
  /** The page's live examples by id (their knobs are rendered at build time). */
  live: ReadonlyMap<string, LiveExample>;
  /** Recorded results by id; `undefined` when not yet measured. */
  results: ReadonlyMap<string, RecordedResults | undefined>;
  /** Numbers the exercises of the page. */
  exercises: { count: number };
}

export const renderContext = createContext<RenderContext | null>(null);

/** The render context; lesson components only render inside a page. */
export function useRender(): RenderContext {
  const context = useContext(renderContext);
  if (context === null) throw new Error('useRender: lesson components must render inside renderLesson(), but no context was provided.');
  return context;
}

/** The key of a highlighted snippet: an example file (and region) or a bug file (and region). */
export function snippetKey(kind: 'example' | 'bug', name: string, region: string | undefined): string {
  return `${kind}:${name}#${region ?? ''}`;
}
