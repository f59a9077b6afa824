import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../data/data-error.js';

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
    const probe = join(out, `.write-test-${process.pid}`);
    await writeFile(probe, '');
    await rm(probe);
  } catch (error) {
    throw new DataError(
      `train: --out ${out} must be a folder this user can write, but got ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. ` +
        'Choose another --out or fix the permissions.',
    );
  }
}
