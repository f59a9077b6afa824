// Reads the repository's documentation and finds the code a reader would copy: fenced blocks of
// TypeScript and shell, with the docs-test marks that say which commands are not run, and why.
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';

/** A documentation file whose code blocks the docs test runs. */
export interface DocFile {
  /** Path from the repository root, e.g. `packages/core/README.md`. */
  readonly path: string;
  readonly blocks: readonly CodeBlock[];
}

/** One fenced code block. */
export interface CodeBlock {
  /** The fence's language: `ts`, `sh`, … (`''` when none). */
  readonly lang: string;
  readonly code: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** From `<!-- docs-test: not run "<prefix>": <reason> -->` comments right before the block. */
  readonly notRun: readonly NotRun[];
}

/** A mark in the docs: commands starting with `prefix` are not run (`prefix` `*`: the whole block). */
export interface NotRun {
  readonly prefix: string;
  readonly reason: string;
}

const markPattern = /^<!--\s*docs-test: not run "([^"]+)": (.+?)\s*-->$/;

/**
 * The documentation the docs test covers: README.md and ARCHITECTURE.md at the root and every
 * package's README.md, found anew on each run so that new files and sections are picked up.
 *
 * @param root - the repository root.
 * @returns each file with its code blocks, in a stable order.
 */
export async function readDocs(root: string): Promise<DocFile[]> {
  const packages = await readdir(join(root, 'packages'), { withFileTypes: true });
  const paths = [
    join(root, 'README.md'),
    join(root, 'ARCHITECTURE.md'),
    ...packages.filter((entry) => entry.isDirectory()).map((entry) => join(root, 'packages', entry.name, 'README.md')),
  ];
  const files: DocFile[] = [];
  for (const path of paths) {
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (text !== undefined) files.push({ path: relative(root, path), blocks: codeBlocks(text, relative(root, path)) });
  }
  return files;
}

/**
 * The fenced code blocks of one Markdown text, each with the not-run marks written right before it.
 *
 * @param markdown - the file's text.
 * @param path - for error messages.
 * @returns the blocks in document order.
 * @example
 * codeBlocks('<!-- docs-test: not run "npm test": it is the whole suite -->\n```sh\nnpm test\n```\n', 'README.md');
 * // [{ lang: 'sh', code: 'npm test', line: 2, notRun: [{ prefix: 'npm test', reason: 'it is the whole suite' }] }]
 */
export function codeBlocks(markdown: string, path: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let pending: NotRun[] = [];
  for (const node of fromMarkdown(markdown).children) {
    if (node.type === 'html') {
      for (const comment of node.value.split('\n').map((line) => line.trim()).filter((line) => line.startsWith('<!--'))) {
        if (!comment.includes('docs-test')) continue;
        const match = markPattern.exec(comment);
        if (match === null) {
          throw new Error(`docs test: a docs-test mark in ${path} must read <!-- docs-test: not run "<command prefix or *>": <reason> -->, but got ${comment}.`);
        }
        pending.push({ prefix: match[1] ?? '', reason: match[2] ?? '' });
      }
      continue;
    }
    if (node.type === 'code') {
      blocks.push({ lang: node.lang ?? '', code: node.value, line: node.position?.start.line ?? 0, notRun: pending });
    }
    pending = [];
  }
  return blocks;
}

/**
 * A shell block's command lines: comments and blank lines dropped, a line ending in a backslash joined
 * with the next (one command), `&&` chains kept as one line.
 *
 * @param code - the block's text.
 * @returns one string per command.
 * @example
 * commandLines('torchrun a.py \\\n  --steps 2   # train'); // ['torchrun a.py --steps 2']
 */
export function commandLines(code: string): string[] {
  return code
    .replace(/\s*\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter((line) => line !== '');
}
