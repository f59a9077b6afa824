import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedFiles } from '../lesson-data.js';
import type { LessonData } from '../lesson-data-types.js';
import { lessonDirs, lessonsRoot, type LessonDirs } from '../package-root.js';
import { bugFiles, compilerErrorsOf } from './compiler-errors.js';
import { exampleTexts, sourceFiles } from './example-texts.js';
import { typeFiles } from '../types/type-files.js';
import { liveIds } from './live-ids.js';
import { runNumbers } from './run-numbers.js';

/** What {@link generateLessonData} produced, with how long each part took (seconds). */
export interface GenerateReport {
  data: LessonData;
  seconds: Record<string, number>;
}

/**
 * Produces everything lessons show from real code and writes it to `generated/*.json`: example
 * texts, each `numbers()` result, the tsc diagnostics of `bugs/*.ts`, the hover types of every
 * example and bug, and the live example ids.
 * Run it on the cpu backend (the generate script does). Needs a TypeScript loader.
 *
 * @param dirs - the lessons tree (default: this package).
 * @example
 * const { data } = await generateLessonData(); // also writes generated/numbers.json, …
 */
export async function generateLessonData(dirs: LessonDirs = lessonDirs()): Promise<GenerateReport> {
  const seconds: Record<string, number> = {};
  const timed = async <Value>(name: string, work: () => Value | Promise<Value>): Promise<Value> => {
    const started = performance.now();
    const value = await work();
    seconds[name] = (performance.now() - started) / 1000;
    return value;
  };
  const examples = await timed('examples', () => exampleTexts(dirs.examples));
  const numbers = await timed('numbers', () => runNumbers(dirs.examples));
  Object.assign(seconds, numbers.seconds);
  // One compiler pass over examples and bugs: hover types for the site and lesson 7's errors.
  const typed = await timed('types', () => typeFiles([...sourceFiles(dirs.examples), ...bugFiles(dirs.bugs)], dirs.root, join(lessonsRoot(), 'tsconfig.json')));
  const compilerErrors = compilerErrorsOf(typed);
  const types = Object.fromEntries(typed.map(({ file, slices }) => [file, slices]));
  const live = await timed('live', () => liveIds(dirs.examples));
  mkdirSync(dirs.generated, { recursive: true });
  const write = (name: string, value: unknown) => writeFileSync(join(dirs.generated, name), `${JSON.stringify(value, null, 1)}\n`);
  write(generatedFiles.numbers, { values: numbers.values, sources: numbers.sources });
  write(generatedFiles.compilerErrors, compilerErrors);
  write(generatedFiles.examples, examples);
  write(generatedFiles.live, live);
  write(generatedFiles.types, types);
  return { data: { numbers: numbers.values, numberSources: numbers.sources, compilerErrors, examples, live, types }, seconds };
}
