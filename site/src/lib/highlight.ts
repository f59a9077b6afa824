import { createHighlighter, type Highlighter } from 'shiki';

let highlighter: Promise<Highlighter> | undefined;

/**
 * Highlights TypeScript as HTML at build time (light and dark themes as CSS variables), marking
 * the given 1-based lines with the class `error-line`.
 *
 * @param code - the source text.
 * @param errorLines - lines to mark (e.g. where tsc reported an error).
 * @example
 * await highlightTs('const x = 1;'); // '<pre class="shiki …"><code>…</code></pre>'
 */
export async function highlightTs(code: string, errorLines: ReadonlySet<number> = new Set()): Promise<string> {
  highlighter ??= createHighlighter({ themes: ['github-light-default', 'github-dark'], langs: ['typescript'] });
  const shiki = await highlighter;
  return shiki.codeToHtml(code, {
    lang: 'typescript',
    themes: { light: 'github-light-default', dark: 'github-dark' },
    transformers: [
      {
        line(node, line) {
          if (errorLines.has(line)) this.addClassToHast(node, 'error-line');
        },
      },
    ],
  });
}
