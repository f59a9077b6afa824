import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LessonValue } from '../lesson-data-types.js';
import { checkLessonValue } from './check-value.js';

/** The values all `numbers()` produced, and which file produced each id. */
export interface NumbersRun {
  values: Record<string, LessonValue>;
  sources: Record<string, string>;
  /** Seconds each numbers file took. */
  seconds: Record<string, number>;
}

/**
 * Imports every `examples/<lesson>/numbers.ts` and runs its `numbers()` (on whatever TF.js backend
 * is active: the generate script sets cpu), checking each value and that ids are unique.
 * Needs a TypeScript loader (tsx or vitest).
 *
 * @param examplesDir - the `examples/` folder.
 * @example
 * const { values } = await runNumbers('…/examples');
 * values['bottleneck.params.basic']; // 1179648
 */
export async function runNumbers(examplesDir: string): Promise<NumbersRun> {
  const run: NumbersRun = { values: {}, sources: {}, seconds: {} };
  const folders = existsSync(examplesDir) ? readdirSync(examplesDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort() : [];
  for (const folder of folders) {
    const file = join(examplesDir, folder, 'numbers.ts');
    if (!existsSync(file)) continue;
    const name = `examples/${folder}/numbers.ts`;
    const module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { numbers?: unknown };
    if (typeof module.numbers !== 'function') {
      throw new Error(`runNumbers: ${name} must export \`async function numbers()\`, but it exports ${Object.keys(module).join(', ') || 'nothing'}. Add the export.`);
    }
    const started = performance.now();
    const values = (await (module.numbers as () => Promise<unknown>)()) as unknown;
    run.seconds[name] = (performance.now() - started) / 1000;
    if (typeof values !== 'object' || values === null) throw new Error(`runNumbers: ${name} numbers() must resolve to an object of values by id, but got ${String(values)}.`);
    for (const [id, value] of Object.entries(values)) {
      const problem = checkLessonValue(id, value);
      if (problem !== undefined) throw new Error(`runNumbers: ${name}: ${problem}. Fix what numbers() returns.`);
      const previous = run.sources[id];
      if (previous !== undefined) throw new Error(`runNumbers: number ids must be unique across lessons, but "${id}" comes from ${previous} and ${name}. Rename one.`);
      run.values[id] = value as LessonValue;
      run.sources[id] = name;
    }
  }
  return run;
}
