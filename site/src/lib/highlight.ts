import { createHighlighter, type Highlighter, type ShikiTransformer } from 'shiki';
import type { Element } from 'hast';
import { rendererRich, transformerTwoslash } from '@shikijs/twoslash';
import type { TypedSlice } from '@residual/lessons';

const themes = { light: 'github-light-default', dark: 'github-dark' } as const;
let highlighter: Promise<Highlighter> | undefined;

/**
 * The shared highlighter. Shiki 3.23 colours the first line of the first dual-theme highlight with
 * stale light-theme colours (every token of lesson 1's first line came out `#D73A49`, and the
 * next block's tokens `#24292E`, so `const` lost its colour in light mode); one highlight right
 * after loading settles the grammar's theme state, and every later call is right.
 */
function loadHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: Object.values(themes), langs: ['typescript'] }).then((shiki) => {
    shiki.codeToTokensWithThemes('const settle = 1;', { lang: 'typescript', themes });
    return shiki;
  });
  return highlighter;
}

/**
 * Hover types as CSS popups that open on hover and on tap (a tap focuses the token). Tokens stay out
 * of the tab order (a lesson has hundreds: Tab must still move between blocks and links), and the
 * popups are hidden from screen readers, which read the code as written; errors stay readable.
 */
const renderer = rendererRich({
  jsdoc: false,
  errorRendering: 'line',
  hast: { hoverToken: { properties: { tabindex: -1 } }, hoverPopup: { properties: { 'aria-hidden': 'true' } } },
});

/**
 * Flattens the code blocks rendered inside type popups. Shiki renders a long type as a nested
 * `<pre class="shiki" tabindex="0">`: a focusable element inside an `aria-hidden` popup (axe's
 * aria-hidden-focus) and a block element inside inline `<code>`. Its lines are kept as spans; the
 * popup's `white-space: pre-wrap` keeps the line breaks.
 */
function flattenPopupBlocks(node: Element, inPopup: boolean): void {
  // twoslash sets `class` on the nodes it builds, shiki `className`.
  const classes = String(node.properties.className ?? node.properties.class ?? '');
  const popup = inPopup || classes.includes('twoslash-popup-container');
  node.children = node.children.flatMap((child) => {
    if (child.type !== 'element') return [child];
    flattenPopupBlocks(child, popup);
    if (!popup || child.tagName !== 'pre') return [child];
    const code = child.children.find((inner): inner is Element => inner.type === 'element' && inner.tagName === 'code');
    return (code ?? child).children;
  });
}

const popupBlocks: ShikiTransformer = {
  name: 'residual:popup-blocks',
  root(hast) {
    for (const child of hast.children) if (child.type === 'element') flattenPopupBlocks(child, false);
  },
};

/**
 * Highlights TypeScript as HTML at build time (light and dark themes as CSS variables). With the
 * compiler's view of the code (`typed`, from `@residual/lessons`' generated types), every
 * identifier carries its type in a popup (`const y: Sym<[number, 16, 16, 32]>`) and each error
 * is underlined, its line marked `error-line`, with tsc's message on a line below it.
 *
 * @param code - the source text.
 * @param typed - the compiler's nodes for exactly this text (its `code` must equal `code`).
 * @example
 * await highlightTs('const x = 1;'); // '<pre class="shiki …"><code>…</code></pre>'
 * await highlightTs(slice.code, slice); // '<pre class="shiki … twoslash …">…'
 */
export async function highlightTs(code: string, typed?: TypedSlice): Promise<string> {
  const shiki = await loadHighlighter();
  const transformers: ShikiTransformer[] = [];
  if (typed !== undefined) {
    if (typed.code !== code) throw new Error('highlightTs: typed.code must be the text being highlighted, but they differ. Regenerate the lesson data (`npm run generate -w @residual/lessons`).');
    const errorLines = new Set(typed.nodes.flatMap((node) => (node.type === 'error' ? [node.line + 1] : [])));
    transformers.push(
      transformerTwoslash({ twoslasher: () => ({ code: typed.code, nodes: typed.nodes }), renderer, throws: true }),
      popupBlocks,
      {
        line(node, line) {
          if (errorLines.has(line)) this.addClassToHast(node, 'error-line');
        },
      },
    );
  }
  return shiki.codeToHtml(code, { lang: 'typescript', themes, transformers });
}
