import { toString } from 'mdast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import { componentSpecs, isComponentName } from './component-specs.js';
import { where, type MdAttribute, type MdNode } from './mdast.js';
import type { LessonOutline } from './outline-types.js';
import { proseNumbers } from './prose-numbers.js';
import { createSlugger } from './slugger.js';

const jsxTypes = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement']);
const proseTypes = new Set(['text', 'inlineCode', 'code', 'math', 'inlineMath']);

/**
 * Reads a lesson's outline (headings, components, numbers per section) from its MDX syntax tree,
 * gives every heading an `id`, and lists the structural problems: unknown components, missing or
 * unknown props, non-literal props, misplaced `<Answer>`, imports.
 *
 * @param tree - the mdast root produced by remark-mdx.
 * @returns the outline and the problems, each starting with `line:column`.
 * @example
 * const { outline, problems } = collectOutline(tree);
 */
export function collectOutline(tree: MdNode): { outline: LessonOutline; problems: string[] } {
  const outline: LessonOutline = { headings: [], components: [], sections: [{ heading: '', numbers: [] }] };
  const problems: string[] = [];
  const slug = createSlugger();
  visitParents(tree, (node: MdNode, ancestors: MdNode[]) => {
    if (node.type === 'heading') {
      const text = toString(node).trim();
      const id = slug(text);
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
      outline.headings.push({ depth: node.depth ?? 1, text, id });
      outline.sections.push({ heading: text, numbers: [] });
    } else if (proseTypes.has(node.type)) {
      outline.sections.at(-1)?.numbers.push(...proseNumbers(node.value ?? ''));
    } else if (node.type === 'mdxjsEsm') {
      problems.push(`${where(node)} lessons must not use import/export; show code with <Example file="…" /> instead`);
    } else if (jsxTypes.has(node.type) && node.name != null && /^[A-Z]/.test(node.name)) {
      checkComponent(node, node.name, ancestors, outline, problems);
    }
  });
  return { outline, problems };
}

function checkComponent(node: MdNode, name: string, ancestors: readonly MdNode[], outline: LessonOutline, problems: string[]): void {
  const at = where(node);
  if (!isComponentName(name)) {
    problems.push(`${at} <${name}> is not a lesson component; use one of ${Object.keys(componentSpecs).map((known) => `<${known}>`).join(', ')}`);
    return;
  }
  const spec = componentSpecs[name];
  const props: Record<string, string> = {};
  for (const attribute of node.attributes ?? []) {
    const value = literal(attribute);
    if (attribute.type !== 'mdxJsxAttribute' || attribute.name === undefined) {
      problems.push(`${at} <${name}> props must be written out (name="value"), but got a spread {…}`);
    } else if (value === undefined) {
      problems.push(`${at} <${name} ${attribute.name}> must be a literal string (${attribute.name}="…"), but got an expression`);
    } else if (!([...spec.required, ...spec.optional] as string[]).includes(attribute.name)) {
      problems.push(`${at} <${name}> has no prop "${attribute.name}"; it takes ${describeProps(spec.required, spec.optional)}`);
    } else props[attribute.name] = value;
  }
  for (const required of spec.required) {
    if (props[required] === undefined) problems.push(`${at} <${name}> needs ${required}="…"`);
  }
  if ('parent' in spec && !ancestors.some((ancestor) => ancestor.name === spec.parent)) {
    problems.push(`${at} <${name}> must sit inside <${spec.parent}>`);
  }
  outline.components.push({ name, props, line: node.position?.start.line ?? 0 });
}

function literal(attribute: MdAttribute): string | undefined {
  if (typeof attribute.value === 'string') return attribute.value;
  return undefined;
}

function describeProps(required: readonly string[], optional: readonly string[]): string {
  const all = [...required, ...optional.map((prop) => `${prop} (optional)`)];
  return all.length === 0 ? 'no props' : all.join(', ');
}
