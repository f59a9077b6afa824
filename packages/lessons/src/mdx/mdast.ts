/** The few mdast / MDX node fields the lesson checks read (a structural subset of mdast). */
export interface MdNode {
  type: string;
  children?: MdNode[];
  value?: string;
  depth?: number;
  name?: string | null;
  attributes?: MdAttribute[];
  position?: { start: { line: number; column: number }; end: { line: number; column: number } };
  data?: { hProperties?: Record<string, unknown> } & Record<string, unknown>;
}

/** An MDX JSX attribute: a literal string, an expression (`{…}`), or a spread. */
export interface MdAttribute {
  type: string;
  name?: string;
  value?: string | null | { type: string; value?: string };
}

/** `line:column` of a node, for error messages. */
export function where(node: MdNode): string {
  const start = node.position?.start;
  return start === undefined ? '?' : `${start.line}:${start.column}`;
}
