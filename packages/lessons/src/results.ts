import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lessonDirs, type LessonDirs } from './package-root.js';

/** Where a recorded number came from: every recorded run carries all of these. */
export const provenanceFields = ['command', 'commit', 'backend', 'device', 'date', 'dataset'] as const;

/** One recorded training run (a line of `results/<id>.jsonl`): provenance plus its measurements. */
export interface RecordedRun {
  command: string;
  commit: string;
  backend: string;
  device: string;
  date: string;
  dataset: string;
  /** Anything else: scalars are shown as measurements (`model`, `testAccuracy`, …). */
  [field: string]: unknown;
}

/** The runs recorded under one id. */
export interface RecordedResults {
  id: string;
  /** Path relative to the package, e.g. `results/ablation-resnet18.jsonl`. */
  file: string;
  runs: RecordedRun[];
}

/**
 * Reads `results/<id>.jsonl`; `undefined` when nothing is recorded yet (the site then says "not
 * yet measured"). Every line must be a JSON object with all provenance fields.
 *
 * @param id - the id used in `<Results id="…" />`.
 * @param dirs - the lessons tree (default: this package).
 * @example
 * loadResults('ablation-resnet18')?.runs[0]?.backend; // 'tensorflow-gpu'
 */
export function loadResults(id: string, dirs: LessonDirs = lessonDirs()): RecordedResults | undefined {
  const path = join(dirs.results, `${id}.jsonl`);
  if (!existsSync(path)) return undefined;
  const file = `results/${id}.jsonl`;
  const runs = readFileSync(path, 'utf8')
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => {
      let run: unknown;
      try {
        run = JSON.parse(line);
      } catch (error) {
        throw new Error(`loadResults: ${file}:${number} must be one JSON object per line, but it does not parse (${(error as Error).message}).`);
      }
      if (typeof run !== 'object' || run === null || Array.isArray(run)) throw new Error(`loadResults: ${file}:${number} must be a JSON object, but got ${line.slice(0, 60)}.`);
      const missing = provenanceFields.filter((field) => typeof (run as Record<string, unknown>)[field] !== 'string');
      if (missing.length > 0) {
        throw new Error(`loadResults: ${file}:${number} must record ${provenanceFields.join(', ')}, but it lacks ${missing.join(', ')}. Record where the numbers came from.`);
      }
      return run as RecordedRun;
    });
  return { id, file, runs };
}
