import { dirname, relative, resolve } from 'node:path';
import { bundleMDX } from 'mdx-bundler';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import type { LessonData } from '../lesson-data-types.js';
import { checkReferences } from './check-references.js';
import { collectOutline } from './collect-outline.js';
import { remarkJoinCjkLines } from './join-cjk-lines.js';
import type { MdNode } from './mdast.js';
import { rehypeScrollableMath } from './scrollable-math.js';
import type { LessonHeading, LessonOutline } from './outline-types.js';

/** A lesson's front matter: `title` is required, the rest is free. */
export interface LessonFrontmatter {
  title: string;
  description?: string;
  [key: string]: unknown;
}

/** A compiled lesson: code for `getMDXComponent`, its front matter, headings and outline. */
export interface CompiledLesson {
  /** Absolute path of the .mdx file. */
  file: string;
  /** The function body mdx-bundler produced; evaluate it with React (`getMDXComponent`). */
  code: string;
  frontmatter: LessonFrontmatter;
  headings: LessonHeading[];
  outline: LessonOutline;
}

/** Options of {@link compileMdxFile}. */
export interface CompileMdxOptions {
  /** The generated data to check references against; `null` checks structure only. */
  data: LessonData | null;
  /** Paths in error messages are relative to this folder (default: the current directory). */
  relativeTo?: string;
  /** The file's text, when it is already loaded (e.g. bundled by Vite); otherwise `file` is read. */
  source?: string;
}

/**
 * Compiles one MDX file with mdx-bundler (GitHub-flavoured Markdown on, `$…$` and `$$…$$` math
 * typeset by KaTeX at build time, line breaks between Chinese characters joined), and fails with
 * every problem listed, naming the file, when it uses an unknown component, a bad prop, a reference
 * (example file, number id, live id, bug) the build did not produce, or math KaTeX cannot typeset.
 *
 * @param file - absolute path of the .mdx file.
 * @param options - the data to check references against.
 * @example
 * const lesson = await compileMdxFile('/…/content/en/04-bottleneck.mdx', { data: loadLessonData() });
 * lesson.headings[0]; // { depth: 2, text: 'Two ways to build a block', id: 'two-ways-to-build-a-block' }
 */
export async function compileMdxFile(file: string, options: CompileMdxOptions): Promise<CompiledLesson> {
  const name = relative(options.relativeTo ?? process.cwd(), file);
  const state: { outline?: LessonOutline; problems: string[] } = { problems: [] };
  const checkLesson = () => (tree: MdNode) => {
    const { outline, problems } = collectOutline(tree);
    state.outline = outline;
    state.problems.push(...problems);
    if (options.data !== null) state.problems.push(...checkReferences(outline.components, options.data));
  };
  // rehype-katex reports a formula it cannot typeset as a message on the file and goes on.
  const checkMath = () => (_tree: unknown, file: { messages: ReadonlyArray<{ source?: string | undefined; line?: number | undefined; column?: number | undefined; reason: string; cause?: unknown }> }) => {
    for (const message of file.messages) {
      if (message.source !== 'rehype-katex') continue;
      const reason = message.cause instanceof Error ? message.cause.message : message.reason;
      state.problems.push(`${message.line ?? '?'}:${message.column ?? '?'} math must be valid KaTeX, but ${reason}. Balance the braces, use TeX commands, and put words in \\text{…}`);
    }
  };
  let result: Awaited<ReturnType<typeof bundleMDX>>;
  try {
    const input = options.source === undefined ? { file } : { source: options.source, cwd: dirname(resolve(file)) };
    result = await bundleMDX({
      ...input,
      mdxOptions(mdx) {
        // Before mdx-bundler's own plugins, which add a generated `export const frontmatter`.
        mdx.remarkPlugins = [remarkGfm, remarkMath, remarkJoinCjkLines, checkLesson, ...(mdx.remarkPlugins ?? [])];
        // strict: text in a formula outside \text{…} (a Chinese word, say) is an error, not a warning,
        // so every formula stays valid LaTeX.
        mdx.rehypePlugins = [...(mdx.rehypePlugins ?? []), [rehypeKatex, { strict: 'error' }], rehypeScrollableMath, checkMath];
        return mdx;
      },
    });
  } catch (error) {
    // Our own checks ran first and explain more clearly (e.g. an import esbuild cannot resolve).
    if (state.problems.length > 0) throw problemsError(name, state.problems);
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`compileMdxFile: ${name} must be valid MDX, but it failed to compile:\n${message}`, { cause: error });
  }
  const frontmatter = result.frontmatter as Partial<LessonFrontmatter>;
  if (typeof frontmatter.title !== 'string' || frontmatter.title.trim() === '') {
    state.problems.unshift('1:1 front matter must have a title (---\\ntitle: …\\n---)');
  }
  if (state.problems.length > 0 || state.outline === undefined) throw problemsError(name, state.problems);
  return { file, code: result.code, frontmatter: frontmatter as LessonFrontmatter, headings: state.outline.headings, outline: state.outline };
}

function problemsError(name: string, problems: readonly string[]): Error {
  const count = problems.length;
  return new Error(
    `compileMdxFile: ${name} must use only known components with valid references, but it has ${count} problem${count === 1 ? '' : 's'}:\n` +
      problems.map((problem) => `  ${name}:${problem}`).join('\n'),
  );
}
