import { open, rename, rm } from 'node:fs/promises';
import { killPoint } from './kill-point.js';

/** What {@link writeFileAtomic} puts between a file's name and its temporary file's PID. */
export const temporarySuffix = '.tmp-';

/**
 * Writes a file atomically: into a new temporary file beside it (`<path>.tmp-<pid>-<random>`,
 * created exclusively, so a link planted there is never followed), flushed to disk, then renamed
 * over the target (a link at the target is replaced, not followed). A crash or kill at any moment
 * leaves either the old file or the new one, never half of one; a temporary file it leaves behind
 * is removed by the next run (see `removeTemporaries`).
 *
 * @param path - the final path, e.g. `runs/a/last.ckpt`.
 * @param bytes - the content.
 * @returns nothing once the rename is done.
 * @example
 * await writeFileAtomic('runs/a/last.ckpt', encodeCheckpoint(header, values));
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array | string): Promise<void> {
  const temporary = `${path}${temporarySuffix}${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  // 'wx': create a new file, never open one that exists — nor follow a link planted at this name.
  const handle = await open(temporary, 'wx');
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  try {
    const half = Math.floor(data.length / 2);
    await handle.writeFile(data.subarray(0, half));
    killPoint('partial-write', path);
    await handle.writeFile(data.subarray(half)); // continues from where the first half ended
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  killPoint('written', path);
  await rename(temporary, path);
  killPoint('renamed', path);
}
