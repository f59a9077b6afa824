import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { lessonsRoot, type LessonDirs } from '../package-root.js';
import { inputHash } from './input-hash.js';

/** A cache of generated values, each stored with the hash of the inputs it was computed from. */
export interface GeneratedCache {
  /** The value stored under `name` if its inputs are unchanged, else `undefined`. */
  read<Value>(name: string, inputs: readonly string[]): Value | undefined;
  /** Stores `value` under `name` with the hash of `inputs`. */
  write(name: string, inputs: readonly string[], value: unknown): void;
}

/**
 * A file cache in `generated/.cache/` (a turbo output, so it travels with turbo's cache too): the
 * second build recomputes only the values whose inputs changed.
 *
 * @param dirs - the lessons tree.
 * @example
 * const dirs = lessonDirs();
 * const cache = generatedCache(dirs);
 * cache.read('numbers-04-bottleneck', [join(dirs.examples, '04-bottleneck'), ...sharedInputs(dirs)]); // undefined once an input changed
 */
export function generatedCache(dirs: LessonDirs): GeneratedCache {
  const folder = join(dirs.generated, '.cache');
  const base = dirname(dirname(lessonsRoot()));
  const file = (name: string) => join(folder, `${name}.json`);
  return {
    read<Value>(name: string, inputs: readonly string[]) {
      if (!existsSync(file(name))) return undefined;
      const stored = JSON.parse(readFileSync(file(name), 'utf8')) as { key: string; value: Value };
      return stored.key === inputHash(inputs, base) ? stored.value : undefined;
    },
    write(name, inputs, value) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(file(name), `${JSON.stringify({ key: inputHash(inputs, base), value })}\n`);
    },
  };
}

/** Folders of `src/` that no example, bug or numbers file imports. */
const machineryOnly = new Set(['mdx', 'parity', 'scaffold', '__fixtures__']);

/**
 * What every generated value may depend on besides its own files: the library's sources, this
 * package's machinery, the shared example helpers, the recorded results, the bugs and the
 * installed versions (the lockfile).
 *
 * @param dirs - the lessons tree.
 * @example
 * sharedInputs(lessonDirs()); // ['…/packages/core/src', '…/packages/shapes/src', …]
 */
export function sharedInputs(dirs: LessonDirs): string[] {
  const packages = dirname(lessonsRoot());
  return [
    join(packages, 'core/src'),
    join(packages, 'shapes/src'),
    // This package's machinery, less the parts examples never import (the MDX pipeline, the
    // parity check, the scaffold), so editing those does not recompute every lesson's numbers.
    ...readdirSync(join(lessonsRoot(), 'src'))
      .filter((name) => !machineryOnly.has(name))
      .map((name) => join(lessonsRoot(), 'src', name)),
    join(lessonsRoot(), 'tsconfig.json'),
    join(dirname(packages), 'package-lock.json'),
    join(dirs.examples, 'shared'),
    dirs.results,
    dirs.bugs,
  ];
}
