import type { NodeError, NodeHover } from 'twoslash-protocol';

/**
 * A piece of code as the compiler sees it: the text shown, and twoslash nodes (hover types and
 * errors) with positions in that text, ready for `@shikijs/twoslash`'s renderer.
 */
export interface TypedSlice {
  /** The text shown (a region, dedented, or the whole file without region markers). */
  code: string;
  /** For each line of `code`, its 1-based line in the file. */
  lines: number[];
  /** Hover types of every identifier, and the compiler's errors, positioned in `code`. */
  nodes: Array<NodeHover | NodeError>;
}

/** A file's typed slices: `''` is the whole file, every other key one of its `// #region`s. */
export type TypedFile = Record<string, TypedSlice>;
