import { open, rename, rm } from 'node:fs/promises';

/**
 * Writes a file atomically: into a temporary file beside it, flushed to disk, then renamed over the
 * target. A crash or kill at any moment leaves either the old file or the new one, never half of one.
 *
 * @param path - the final path, e.g. `runs/a/last.ckpt`.
 * @param bytes - the content.
 * @returns nothing once the rename is done.
 * @example
 * await writeFileAtomic('runs/a/last.ckpt', encodeCheckpoint(header, values));
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array | string): Promise<void> {
  const temporary = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temporary, path);
}
