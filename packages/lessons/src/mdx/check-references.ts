import type { LessonData, LessonValue } from '../lesson-data-types.js';
import { diagramIds } from './diagram-ids.js';
import type { ComponentUse } from './outline-types.js';

/**
 * Checks that every component points at something the build produced: example files and regions,
 * number and table ids, live example ids, captured compiler errors.
 *
 * @param components - the lesson's component uses, from its outline.
 * @param data - the generated lesson data.
 * @returns one problem per broken reference, each starting with the line.
 * @example
 * checkReferences([{ name: 'Num', props: { id: 'nope' }, line: 3 }], data);
 * // ['3 <Num id="nope"> …']
 */
export function checkReferences(components: readonly ComponentUse[], data: LessonData): string[] {
  return components.flatMap((use) => {
    const problem = checkOne(use, data);
    return problem === undefined ? [] : [`${use.line} ${problem}`];
  });
}

function checkOne({ name, props }: ComponentUse, data: LessonData): string | undefined {
  const id = props['id'] ?? '';
  switch (name) {
    case 'Example': {
      const file = props['file'] ?? '';
      const example = data.examples[file];
      if (example === undefined) return `<Example file="${file}"> must name a file under examples/, but it was not found${near(file, Object.keys(data.examples))}`;
      const region = props['region'];
      if (region !== undefined && example.regions[region] === undefined) {
        return `<Example file="${file}" region="${region}"> must name a region of the file, but it has ${list(Object.keys(example.regions))}`;
      }
      return undefined;
    }
    case 'Num':
    case 'DataTable': {
      const value = data.numbers[id];
      if (value === undefined) return `<${name} id="${id}"> must be produced by an examples/*/numbers.ts, but no numbers() returned it${near(id, Object.keys(data.numbers))}`;
      if (name === 'Num' && isTable(value)) return `<Num id="${id}"> must name a number or string, but it is a table: use <DataTable id="${id}" />`;
      if (name === 'DataTable' && !isTable(value)) return `<DataTable id="${id}"> must name a table ({ columns, rows }), but it is ${JSON.stringify(value)}: use <Num id="${id}" />`;
      const digits = props['digits'];
      if (digits !== undefined && !/^(?:\d|1\d)$/.test(digits)) return `<Num digits="${digits}"> must be a whole number from 0 to 19`;
      return undefined;
    }
    case 'Live':
      return data.live.includes(id) ? undefined : `<Live id="${id}"> must be registered in examples/live.ts, but it is not (registered: ${list(data.live)})`;
    case 'CompilerError': {
      const capture = data.compilerErrors[id];
      if (capture === undefined) return `<CompilerError id="${id}"> must name a file bugs/${id}.ts, but it was not found${near(id, Object.keys(data.compilerErrors))}`;
      if (capture.diagnostics.length === 0) return `<CompilerError id="${id}">: bugs/${id}.ts must fail to compile, but tsc reported no error. Make the bug real, or check @residual/core's types`;
      const region = props['region'];
      if (region !== undefined && capture.regions[region] === undefined) return `<CompilerError id="${id}" region="${region}"> must name a region of bugs/${id}.ts, but it has ${list(Object.keys(capture.regions))}`;
      return undefined;
    }
    case 'Diagram':
      return (diagramIds as readonly string[]).includes(id) ? undefined : `<Diagram id="${id}"> must be one of ${list(diagramIds)}, but it is not`;
    case 'Results':
      return /^[\w.-]+$/.test(id) ? undefined : `<Results id="${id}"> must be a file name (letters, digits, . _ -) under results/`;
    case 'Exercise':
    case 'Answer':
      return undefined;
  }
}

function isTable(value: LessonValue): boolean {
  return typeof value === 'object';
}

function list(names: readonly string[]): string {
  return names.length === 0 ? 'none' : names.join(', ');
}

function near(wanted: string, known: readonly string[]): string {
  const prefix = wanted.split(/[./-]/)[0] ?? '';
  const close = known.filter((name) => prefix !== '' && name.startsWith(prefix)).slice(0, 8);
  return close.length === 0 ? '' : ` (did you mean one of: ${close.join(', ')}?)`;
}
