import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Folders that hold outputs or dependencies, never inputs. */
const skipped = new Set(['node_modules', 'dist', 'docs', 'generated', '.turbo']);

/**
 * A hash of the contents of files and folders (recursively, in a stable order; test files and
 * output folders left out): the key under which a generated value is cached. Paths that do not
 * exist count as empty.
 *
 * @param paths - files or folders.
 * @param base - paths in the hash are relative to this folder, so the key survives a move.
 * @example
 * inputHash(['…/examples/04-bottleneck', '…/packages/core/src'], '…/packages'); // 'f3a1…'
 */
export function inputHash(paths: readonly string[], base: string): string {
  const hash = createHash('sha256');
  const add = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) {
        if (skipped.has(name) || name.startsWith('.') || /\.test(-d)?\.tsx?$/.test(name)) continue;
        add(join(path, name));
      }
      return;
    }
    hash.update(`${relative(base, path)}\0`);
    hash.update(readFileSync(path));
    hash.update('\0');
  };
  for (const path of paths) add(path);
  return hash.digest('hex');
}
