/** The props a lesson component takes: all are literal strings, so checks can read them. */
export interface ComponentSpec {
  required: readonly string[];
  optional: readonly string[];
  /** The component must sit inside this one (e.g. `Answer` inside `Exercise`). */
  parent?: string;
  /** What it shows, for the authors' guide and error messages. */
  summary: string;
}

/**
 * The MDX components a lesson may use (see ARCHITECTURE.md); the compile step rejects any other
 * capitalised tag. Lower-case tags are plain HTML.
 */
export const componentSpecs = {
  Example: { required: ['file'], optional: ['region', 'title'], summary: 'the text of examples/<file> or one of its regions' },
  Num: { required: ['id'], optional: ['digits'], summary: "a number produced by an example's numbers()" },
  DataTable: { required: ['id'], optional: [], summary: "a table produced by an example's numbers()" },
  Live: { required: ['id'], optional: [], summary: 'a live example from examples/live.ts: run button, progress, charts' },
  CompilerError: { required: ['id'], optional: ['region'], summary: 'bugs/<id>.ts and the tsc error captured at build time' },
  Results: { required: ['id'], optional: [], summary: 'recorded runs from results/<id>.jsonl, or "not yet measured"' },
  Diagram: { required: ['id'], optional: [], summary: 'a diagram drawn by the site as accessible SVG (residual-block, bottleneck, gradient-paths, family-stages)' },
  Exercise: { required: [], optional: [], summary: 'an exercise; put its answer in <Answer>' },
  Answer: { required: [], optional: [], parent: 'Exercise', summary: 'the hidden answer of an <Exercise>' },
} as const satisfies Record<string, ComponentSpec>;

/** The name of a lesson component, e.g. `'Num'`. */
export type ComponentName = keyof typeof componentSpecs;

/** Every lesson component name, in the order of ARCHITECTURE.md. */
export const componentNames = Object.keys(componentSpecs) as ComponentName[];

/**
 * Whether a JSX tag name is one of the lesson components.
 *
 * @param name - the tag name as written in MDX.
 * @example
 * isComponentName('Num'); // true
 */
export function isComponentName(name: string): name is ComponentName {
  return Object.hasOwn(componentSpecs, name);
}
