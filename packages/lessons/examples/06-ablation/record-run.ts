/**
 * Lesson 6 (Node only, not part of the site): turns the `metrics.jsonl` of `residual train` run
 * folders into `results/<id>.jsonl`, one line per model and epoch, keeping the provenance the CLI
 * recorded (command, commit, backend, device, date, dataset).
 *
 *   node --conditions=@residual/source --import tsx examples/06-ablation/record-run.ts \
 *     ablation-smoke-sample runs/smoke-resnet20 runs/smoke-plain20
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One line of a results file. */
export type ResultLine = Record<string, string | number>;

const provenance = ['command', 'commit', 'backend', 'device', 'date', 'dataset'] as const;
const measured = ['trainLoss', 'trainAccuracy', 'testLoss', 'testAccuracy', 'seconds'] as const;

/**
 * The result lines of one run folder's `metrics.jsonl` text: its `run` line gives the model and the
 * provenance, each `epoch` line the measurements.
 *
 * @param metrics - the text of `metrics.jsonl`
 * @param source - where it came from, for error messages
 * @example
 * resultLines(readFileSync('runs/smoke-resnet20/metrics.jsonl', 'utf8'), 'runs/smoke-resnet20');
 */
export function resultLines(metrics: string, source: string): ResultLine[] {
  const records = metrics
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const run = records.find((record) => record['kind'] === 'run');
  if (run === undefined) throw new Error(`resultLines: ${source} must contain a "run" line with the provenance, but has none. Record runs with \`residual train\`.`);
  const missing = provenance.filter((field) => typeof run[field] !== 'string');
  if (missing.length > 0) throw new Error(`resultLines: the run line of ${source} must have ${provenance.join(', ')}, but lacks ${missing.join(', ')}.`);
  return records
    .filter((record) => record['kind'] === 'epoch')
    .map((epoch) => {
      const line: ResultLine = { model: String(run['model']), epoch: Number(epoch['epoch']) };
      for (const field of measured) {
        const value = Number(epoch[field]);
        line[field] = field === 'seconds' ? Math.round(value) : Number(value.toFixed(4));
      }
      for (const field of provenance) line[field] = String(run[field]);
      return line;
    });
}

/** Writes `results/<id>.jsonl` from run folders. */
function main(id: string, folders: readonly string[]): void {
  const lines = folders.flatMap((folder) => resultLines(readFileSync(join(folder, 'metrics.jsonl'), 'utf8'), folder));
  const target = fileURLToPath(new URL(`../../results/${id}.jsonl`, import.meta.url));
  writeFileSync(target, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
  console.log(`record-run: wrote ${lines.length} lines to results/${id}.jsonl`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [id, ...folders] = process.argv.slice(2);
  if (id === undefined || folders.length === 0) {
    console.error('usage: record-run.ts <result id> <run folder>…');
    process.exit(1);
  }
  main(id, folders);
}
