import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LessonData } from './lesson-data-types.js';
import { lessonDirs, type LessonDirs } from './package-root.js';

/** The generated files and which part of {@link LessonData} each holds. */
export const generatedFiles = {
  numbers: 'numbers.json',
  compilerErrors: 'compiler-errors.json',
  examples: 'examples.json',
  live: 'live.json',
  types: 'types.json',
} as const;

/**
 * Reads the data the build generated (`generated/*.json`): numbers, tables, captured compiler
 * errors, example texts and live example ids.
 *
 * @param dirs - the lessons tree (default: this package).
 * @example
 * const data = loadLessonData();
 * data.numbers['bottleneck.params.basic']; // 1179648
 */
export function loadLessonData(dirs: LessonDirs = lessonDirs()): LessonData {
  const read = <Value>(name: string): Value => {
    const file = join(dirs.generated, name);
    if (!existsSync(file)) {
      throw new Error(
        `loadLessonData: ${file} must exist, but it was not found. Generate it with \`npm run generate -w @residual/lessons\` (part of its build).`,
      );
    }
    return JSON.parse(readFileSync(file, 'utf8')) as Value;
  };
  const numbers = read<{ values: LessonData['numbers']; sources: LessonData['numberSources'] }>(generatedFiles.numbers);
  return {
    numbers: numbers.values,
    numberSources: numbers.sources,
    compilerErrors: read(generatedFiles.compilerErrors),
    examples: read(generatedFiles.examples),
    live: read(generatedFiles.live),
    types: read(generatedFiles.types),
  };
}
