/** The few mdast / MDX node fields the lesson checks read (a structural subset of mdast). */
export interface MdNode {
  type: string;
  children?: MdNode[];
  value?: string;
  depth?: number;
  name?: string | null;
  attributes?: MdAttribute[];
  position?: { start: { line: number; column: number } };
  data?: { hProperties?: Record<string, unknown> } & Record<string, unknown>;
}

/** An MDX JSX attribute: a literal string, an expression (`{…}`), or a spread. */
export interface MdAttribute {
  type: string;
  name?: string;
  value?: string | null | { type: string; value?: string };
}

/**
 * Visits every node depth-first with its ancestors (nearest last).
 *
 * @param node - the tree root.
 * @param visit - called for each node, before its children.
 * @example
 * walk(tree, (node) => node.type === 'heading' && headings.push(node));
 */
export function walk(node: MdNode, visit: (node: MdNode, ancestors: readonly MdNode[]) => void, ancestors: MdNode[] = []): void {
  visit(node, ancestors);
  for (const child of node.children ?? []) walk(child, visit, [...ancestors, node]);
}

/**
 * The plain text of a node (text, inline code and their descendants), like mdast-util-to-string.
 *
 * @param node - any mdast node.
 * @example
 * textOf(headingNode); // 'Why deeper nets got worse'
 */
export function textOf(node: MdNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/** `line:column` of a node, for error messages. */
export function where(node: MdNode): string {
  const start = node.position?.start;
  return start === undefined ? '?' : `${start.line}:${start.column}`;
}
