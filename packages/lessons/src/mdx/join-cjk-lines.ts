import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

// Characters that sit without spaces in Chinese text: CJK ideographs (and their extensions and
// compatibility forms), kana, CJK and full-width punctuation, and Chinese-style quotes and dashes.
const wide = '\\u2E80-\\u2FDF\\u3000-\\u30FF\\u3100-\\u312F\\u31A0-\\u31FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\uFE30-\\uFE4F\\uFF00-\\uFFEF';
// Punctuation that belongs to whichever script is next to it (“”‘’—…·).
const neutral = '\\u2018\\u2019\\u201C\\u201D\\u2014\\u2026\\u00B7';
const wideBreak = new RegExp(`(?<=[${wide}])[ \\t]*\\r?\\n[ \\t]*(?=[${wide}${neutral}])|(?<=[${neutral}])[ \\t]*\\r?\\n[ \\t]*(?=[${wide}])`, 'gu');

/**
 * Removes a line break of the source, with the spaces around it, where it falls between two
 * Chinese characters (or a Chinese character and a full-width mark or quote), so that a paragraph
 * wrapped in the editor does not show a stray space in the browser ("发生了。 本课"). A break next to
 * Latin text, a number or a component stays: there the space is wanted. This is the rule of CSS
 * Text 3 for segment breaks between East Asian wide characters, done at build time because
 * browsers do not apply it yet.
 *
 * @param text - prose with the source's line breaks.
 * @example
 * joinCjkLineBreaks('就是这样发生了。\n本课沿着'); // '就是这样发生了。本课沿着'
 * joinCjkLineBreaks('the\nresidual'); // 'the\nresidual'
 */
export function joinCjkLineBreaks(text: string): string {
  return text.replace(wideBreak, '');
}

/**
 * The remark plugin that applies {@link joinCjkLineBreaks} to every text node (never to code).
 *
 * @example
 * bundleMDX({ source, mdxOptions: (mdx) => ({ ...mdx, remarkPlugins: [remarkJoinCjkLines] }) });
 */
export function remarkJoinCjkLines(): (tree: Root) => void {
  return (tree) => {
    visit(tree, 'text', (node: Text) => {
      node.value = joinCjkLineBreaks(node.value);
    });
  };
}
