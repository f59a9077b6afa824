import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * The rehype plugin that lets a keyboard reach a displayed formula: KaTeX's `.katex-display`
 * scrolls sideways when the formula is wider than the screen (a phone), and a scrolling region
 * must be focusable to be scrolled without a mouse (WCAG 2.1.1; axe's scrollable-region-focusable).
 *
 * @example
 * mdx.rehypePlugins = [rehypeKatex, rehypeScrollableMath];
 */
export function rehypeScrollableMath(): (tree: Root) => void {
  return (tree) => {
    visit(tree, 'element', (node: Element) => {
      const classes = node.properties['className'];
      if (Array.isArray(classes) && classes.includes('katex-display')) node.properties['tabIndex'] = 0;
    });
  };
}
