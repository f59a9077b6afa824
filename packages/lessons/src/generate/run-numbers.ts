import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LessonValue } from '../lesson-data-types.js';
import { checkLessonValue } from './check-value.js';
import type { GeneratedCache } from './generated-cache.js';

/** The values all `numbers()` produced, and which file produced each id. */
export interface NumbersRun {
  values: Record<string, LessonValue>;
  sources: Record<string, string>;
  /** Seconds each numbers file took (0 when its values came from the cache). */
  seconds: Record<string, number>;
  /** The numbers files whose values came from the cache. */
  cached: string[];
}

/** Options of {@link runNumbers}. */
export interface RunNumbersOptions {
  /** Reuse a lesson's values while its inputs are unchanged (`inputs(folder)` lists them). */
  cache?: { store: GeneratedCache; inputs(folder: string): string[] };
  /** Called with one line per numbers file as it finishes. */
  onProgress?: (line: string) => void;
}

/**
 * Imports every `examples/<lesson>/numbers.ts` and runs its `numbers()` (on whatever TF.js backend
 * is active: the generate script sets cpu), checking each value and that ids are unique. With a
 * cache, a lesson whose inputs did not change is not run again.
 * Needs a TypeScript loader (tsx or vitest).
 *
 * @param examplesDir - the `examples/` folder.
 * @param options - a cache, a progress callback.
 * @example
 * const { values } = await runNumbers('…/examples');
 * values['bottleneck.params.basic']; // 1179648
 */
export async function runNumbers(examplesDir: string, options: RunNumbersOptions = {}): Promise<NumbersRun> {
  const run: NumbersRun = { values: {}, sources: {}, seconds: {}, cached: [] };
  const folders = existsSync(examplesDir) ? readdirSync(examplesDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort() : [];
  for (const folder of folders) {
    const file = join(examplesDir, folder, 'numbers.ts');
    if (!existsSync(file)) continue;
    const name = `examples/${folder}/numbers.ts`;
    const inputs = options.cache?.inputs(folder) ?? [];
    const cacheName = `numbers-${folder}`;
    let values = options.cache?.store.read<Record<string, unknown>>(cacheName, inputs);
    if (values !== undefined) {
      run.cached.push(name);
      run.seconds[name] = 0;
      options.onProgress?.(`${name}: unchanged, reused`);
    } else {
      const module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { numbers?: unknown };
      if (typeof module.numbers !== 'function') {
        throw new Error(`runNumbers: ${name} must export \`async function numbers()\`, but it exports ${Object.keys(module).join(', ') || 'nothing'}. Add the export.`);
      }
      const started = performance.now();
      const result = (await (module.numbers as () => Promise<unknown>)()) as unknown;
      run.seconds[name] = (performance.now() - started) / 1000;
      if (typeof result !== 'object' || result === null) throw new Error(`runNumbers: ${name} numbers() must resolve to an object of values by id, but got ${String(result)}.`);
      values = result as Record<string, unknown>;
      options.onProgress?.(`${name}: ${Object.keys(values).length} values in ${run.seconds[name].toFixed(1)} s`);
    }
    for (const [id, value] of Object.entries(values)) {
      const problem = checkLessonValue(id, value);
      if (problem !== undefined) throw new Error(`runNumbers: ${name}: ${problem}. Fix what numbers() returns.`);
      const previous = run.sources[id];
      if (previous !== undefined) throw new Error(`runNumbers: number ids must be unique across lessons, but "${id}" comes from ${previous} and ${name}. Rename one.`);
      run.values[id] = value as LessonValue;
      run.sources[id] = name;
    }
    if (!run.cached.includes(name)) options.cache?.store.write(cacheName, inputs, values);
  }
  return run;
}
