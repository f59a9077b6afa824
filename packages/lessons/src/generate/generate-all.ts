import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedFiles } from '../lesson-data.js';
import type { CompilerErrorCapture, LessonData } from '../lesson-data-types.js';
import type { TypedFile } from '../types/typed-slice-types.js';
import { lessonDirs, lessonsRoot, type LessonDirs } from '../package-root.js';
import { typeFiles } from '../types/type-files.js';
import { bugFiles, compilerErrorsOf } from './compiler-errors.js';
import { exampleTexts, sourceFiles } from './example-texts.js';
import { generatedCache, sharedInputs } from './generated-cache.js';
import { liveIds } from './live-ids.js';
import { runNumbers } from './run-numbers.js';

/** What {@link generateLessonData} produced, with how long each part took (seconds). */
export interface GenerateReport {
  data: LessonData;
  seconds: Record<string, number>;
  /** The parts reused from `generated/.cache` because their inputs did not change. */
  cached: string[];
}

/** Options of {@link generateLessonData}. */
export interface GenerateOptions {
  /** Reuse what `generated/.cache` holds for unchanged inputs (default: true). */
  cache?: boolean;
  /** Called with one line per step as it finishes (the generate script prints them). */
  onProgress?: (line: string) => void;
}

/**
 * Produces everything lessons show from real code and writes it to `generated/*.json`: example
 * texts, each `numbers()` result, the tsc diagnostics of `bugs/*.ts`, the hover types of every
 * example and bug, and the live example ids.
 * A part whose inputs did not change since the last run is taken from `generated/.cache`, so a
 * second run recomputes only what changed (one lesson's numbers after an edit to that lesson).
 * Run it on the cpu backend (the generate script does). Needs a TypeScript loader.
 *
 * @param dirs - the lessons tree (default: this package).
 * @param options - caching and progress.
 * @example
 * const { data, cached } = await generateLessonData(); // also writes generated/numbers.json, …
 */
export async function generateLessonData(dirs: LessonDirs = lessonDirs(), options: GenerateOptions = {}): Promise<GenerateReport> {
  const seconds: Record<string, number> = {};
  const progress = options.onProgress ?? (() => {});
  const store = options.cache === false ? undefined : generatedCache(dirs);
  const shared = sharedInputs(dirs);
  const cached: string[] = [];
  const timed = async <Value>(name: string, work: () => Value | Promise<Value>): Promise<Value> => {
    const started = performance.now();
    const value = await work();
    seconds[name] = (performance.now() - started) / 1000;
    return value;
  };
  /** A part computed by `work`, or reused while `inputs` are unchanged. */
  const part = async <Value>(name: string, inputs: string[], work: () => Value | Promise<Value>): Promise<Value> => {
    const reused = store?.read<Value>(name, inputs);
    if (reused !== undefined) {
      cached.push(name);
      progress(`${name}: unchanged, reused`);
      return reused;
    }
    const value = await timed(name, work);
    store?.write(name, inputs, value);
    progress(`${name}: ${seconds[name]?.toFixed(1)} s`);
    return value;
  };
  const examples = await timed('examples', () => exampleTexts(dirs.examples));
  progress(`examples: ${Object.keys(examples).length} files`);
  const numbers = await timed('numbers', () =>
    runNumbers(dirs.examples, {
      ...(store === undefined ? {} : { cache: { store, inputs: (folder: string) => [join(dirs.examples, folder), ...shared] } }),
      onProgress: progress,
    }),
  );
  Object.assign(seconds, numbers.seconds);
  cached.push(...numbers.cached);
  // One compiler pass over examples and bugs: hover types for the site and lesson 7's errors.
  const { compilerErrors, types } = await part<{ compilerErrors: Record<string, CompilerErrorCapture>; types: Record<string, TypedFile> }>(
    'types',
    [dirs.examples, ...shared],
    () => {
      const typed = typeFiles([...sourceFiles(dirs.examples), ...bugFiles(dirs.bugs)], dirs.root, join(lessonsRoot(), 'tsconfig.json'));
      return { compilerErrors: compilerErrorsOf(typed), types: Object.fromEntries(typed.map(({ file, slices }) => [file, slices])) };
    },
  );
  const live = await part<string[]>('live', [dirs.examples, ...shared], () => liveIds(dirs.examples));
  mkdirSync(dirs.generated, { recursive: true });
  const write = (name: string, value: unknown) => writeFileSync(join(dirs.generated, name), `${JSON.stringify(value, null, 1)}\n`);
  write(generatedFiles.numbers, { values: numbers.values, sources: numbers.sources });
  write(generatedFiles.compilerErrors, compilerErrors);
  write(generatedFiles.examples, examples);
  write(generatedFiles.live, live);
  write(generatedFiles.types, types);
  return { data: { numbers: numbers.values, numberSources: numbers.sources, compilerErrors, examples, live, types }, seconds, cached };
}
