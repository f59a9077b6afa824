import { access, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { join } from 'node:path';
import { readCheckpointHeader } from '../checkpoint/checkpoint-pair.js';
import { temporarySuffix } from '../checkpoint/write-checkpoint.js';
import { DataError } from '../data/data-error.js';
import { isProcessRunning, lockFileName } from './run-lock.js';

/** The name of the empty file {@link ensureWritable} writes and deletes, before the PID. */
const writeProbe = '.write-test-';

/**
 * The files of a run folder.
 *
 * @param out - the run folder.
 * @returns the paths of `last.ckpt`, `best.ckpt`, `metrics.jsonl` and `curves.svg`.
 * @example
 * runFiles('runs/a').last; // 'runs/a/last.ckpt'
 */
export function runFiles(out: string) {
  return {
    last: join(out, 'last.ckpt'),
    best: join(out, 'best.ckpt'),
    metrics: join(out, 'metrics.jsonl'),
    curves: join(out, 'curves.svg'),
  };
}

/**
 * Makes the run folder if needed and checks that this user can write in it, before any training.
 *
 * @param out - the run folder.
 * @returns nothing; throws a {@link DataError} naming the folder and the fix when it is not writable.
 * @example
 * await ensureWritable('runs/resnet20');
 */
export async function ensureWritable(out: string): Promise<void> {
  try {
    await mkdir(out, { recursive: true });
    await access(out, constants.W_OK);
    const probe = join(out, `${writeProbe}${process.pid}`);
    await writeFile(probe, '');
    await rm(probe);
  } catch (error) {
    throw new DataError(
      `train: --out ${out} must be a folder this user can write, but got ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. ` +
        'Choose another --out or fix the permissions.',
    );
  }
}

/** What a run folder holds, for refusing to start a second run in it. */
export interface RunFolderContents {
  /** `last.ckpt`'s epoch and the run's epochs, or `null`. */
  readonly last: { readonly epoch: number; readonly epochs: number } | null;
  /** `best.ckpt`'s epoch, or `null`. */
  readonly best: number | null;
  /** The other run files present (`metrics.jsonl`, `curves.svg`). */
  readonly others: readonly string[];
}

/**
 * Looks at what a run folder holds: its checkpoints' epochs (from their headers) and its other run files.
 *
 * @param out - the run folder.
 * @returns what is there; every field empty for a new folder.
 * @example
 * await inspectRunFolder('runs/a'); // { last: { epoch: 3, epochs: 3 }, best: 2, others: ['metrics.jsonl', 'curves.svg'] }
 */
export async function inspectRunFolder(out: string): Promise<RunFolderContents> {
  const files = runFiles(out);
  const last = await readCheckpointHeader(files.last).catch(() => undefined);
  const best = await readCheckpointHeader(files.best).catch(() => undefined);
  const present = await readdir(out).catch(() => [] as string[]);
  const others = ['metrics.jsonl', 'curves.svg'].filter((name) => present.includes(name));
  return {
    last: last === null ? null : last === undefined ? { epoch: Number.NaN, epochs: Number.NaN } : { epoch: last.state.epoch, epochs: last.fit.epochs },
    best: best === null ? null : best === undefined ? Number.NaN : best.state.epoch,
    others,
  };
}

/**
 * One phrase for {@link RunFolderContents}, or `null` for a folder that holds no run.
 *
 * @param contents - from {@link inspectRunFolder}.
 * @returns e.g. `last.ckpt (epoch 3 of 3), best.ckpt (epoch 2), metrics.jsonl`.
 * @example
 * describeRunFolder(await inspectRunFolder('runs/a'));
 */
export function describeRunFolder(contents: RunFolderContents): string | null {
  const epoch = (value: number) => (Number.isNaN(value) ? 'unreadable' : `epoch ${value}`);
  const parts = [
    ...(contents.last === null ? [] : [`last.ckpt (${epoch(contents.last.epoch)}${Number.isNaN(contents.last.epochs) ? '' : ` of ${contents.last.epochs}`})`]),
    ...(contents.best === null ? [] : [`best.ckpt (${epoch(contents.best)})`]),
    ...contents.others,
  ];
  return parts.length === 0 ? null : parts.join(', ');
}

/**
 * Deletes a run's files (checkpoints, metrics, curves) from its folder, for `--overwrite`.
 *
 * @param out - the run folder.
 * @example
 * await clearRunFolder('runs/a');
 */
export async function clearRunFolder(out: string): Promise<void> {
  const files = runFiles(out);
  // last.ckpt first: a kill in between leaves no best.ckpt newer than a last.ckpt.
  for (const file of [files.last, files.best, files.metrics, files.curves]) await rm(file, { force: true });
}

/**
 * Deletes the temporary files that writes interrupted by a kill left in a run folder
 * (`last.ckpt.tmp-<pid>-…` and the like). Call it only while holding the folder's lock.
 *
 * @param out - the run folder.
 * @returns the names deleted.
 * @example
 * await removeTemporaries('runs/a'); // ['best.ckpt.tmp-4121-k3j9a1']
 */
export async function removeTemporaries(out: string): Promise<string[]> {
  const prefixes = [...['last.ckpt', 'best.ckpt', 'metrics.jsonl', 'curves.svg', lockFileName].map((name) => `${name}${temporarySuffix}`), writeProbe];
  /** The PID in a temporary file's name, or `null` for a name that is not one. */
  const pidOf = (name: string): number | null => {
    const prefix = prefixes.find((candidate) => name.startsWith(candidate));
    return prefix === undefined ? null : Number.parseInt(name.slice(prefix.length), 10);
  };
  // Another live process's file is its own business (a run starting up writes its lock draft here).
  const stale = (await readdir(out))
    .filter((name) => {
      const pid = pidOf(name);
      return pid !== null && (pid === process.pid || !isProcessRunning(pid));
    })
    .sort();
  for (const name of stale) await rm(join(out, name), { force: true });
  return stale;
}
