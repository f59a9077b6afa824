import { constants } from 'node:fs';
import { copyFile, open, rename, rm } from 'node:fs/promises';
import { DataError } from '../data/data-error.js';
import { checkpointHeaderEnd, decodeCheckpointHeader, type CheckpointHeader } from './checkpoint-format.js';
import { temporarySuffix, writeFileAtomic } from './write-checkpoint.js';

/** A run folder's two checkpoints. */
export interface CheckpointPair {
  /** The latest epoch's checkpoint. */
  readonly last: string;
  /** The best test accuracy's checkpoint. */
  readonly best: string;
}

/**
 * Reads only the JSON header of a checkpoint file (not its tensors).
 *
 * @param file - a `.ckpt` path.
 * @returns the checked header, or `null` when the file does not exist.
 * @throws DataError when the file is not a checkpoint.
 * @example
 * (await readCheckpointHeader('runs/a/last.ckpt'))?.state.epoch; // 3
 */
export async function readCheckpointHeader(file: string): Promise<CheckpointHeader | null> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new DataError(`checkpoint: ${file} must be readable, but got ${error.code ?? error.message}. Check its permissions.`);
  });
  if (handle === null) return null;
  try {
    const start = new Uint8Array(12);
    const { bytesRead } = await handle.read(start, 0, 12, 0);
    const bodyOffset = checkpointHeaderEnd(start.subarray(0, bytesRead), file);
    // A damaged length field must not allocate gigabytes: read no more than the file holds.
    const length = Math.min(bodyOffset, (await handle.stat()).size);
    const bytes = new Uint8Array(length);
    const { bytesRead: headerRead } = await handle.read(bytes, 0, length, 0);
    return decodeCheckpointHeader(bytes.subarray(0, headerRead), file).header;
  } finally {
    await handle.close();
  }
}

/**
 * Saves an epoch's checkpoint: `best.ckpt` first when the epoch is the best so far, then
 * `last.ckpt`, each atomically. A kill between the two leaves `best.ckpt` one epoch ahead of
 * `last.ckpt`, which {@link recoverCheckpointPair} completes; a kill at any other moment leaves
 * the previous pair.
 *
 * @param pair - the two paths.
 * @param bytes - the encoded checkpoint.
 * @param isBest - whether this epoch has the best test accuracy so far.
 * @param onSaved - called after each file is in place, with its role.
 * @example
 * await saveCheckpointPair(runFiles('runs/a'), encodeCheckpoint(header, values), true);
 */
export async function saveCheckpointPair(
  pair: CheckpointPair,
  bytes: Uint8Array,
  isBest: boolean,
  onSaved: (which: 'best' | 'last') => void = () => {},
): Promise<void> {
  if (isBest) {
    await writeFileAtomic(pair.best, bytes);
    onSaved('best');
  }
  await writeFileAtomic(pair.last, bytes);
  onSaved('last');
}

/**
 * Completes a checkpoint save that a kill interrupted between its two renames: when `best.ckpt`
 * holds a later epoch than `last.ckpt` (or `last.ckpt` is missing), the two were the same file,
 * so `last.ckpt` becomes a copy of `best.ckpt` (copied beside it, then renamed into place).
 *
 * @param pair - the two paths.
 * @returns a sentence saying what was repaired, or `null` when the pair was consistent.
 * @example
 * const repaired = await recoverCheckpointPair(runFiles('runs/a')); // e.g. 'last.ckpt was …'
 */
export async function recoverCheckpointPair(pair: CheckpointPair): Promise<string | null> {
  const best = await readCheckpointHeader(pair.best);
  if (best === null) return null;
  const last = await readCheckpointHeader(pair.last);
  if (last !== null && last.state.epoch >= best.state.epoch) return null;
  const temporary = `${pair.last}${temporarySuffix}${process.pid}-recover`;
  await rm(temporary, { force: true });
  await copyFile(pair.best, temporary, constants.COPYFILE_EXCL);
  await rename(temporary, pair.last);
  return (
    `${pair.last} was ${last === null ? 'missing' : `at epoch ${last.state.epoch}`} and ${pair.best} at epoch ${best.state.epoch}: ` +
    `a run was stopped between saving the two, so ${pair.last} now holds epoch ${best.state.epoch} too`
  );
}
