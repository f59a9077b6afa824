import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folders of a lessons tree (the package itself, or a test fixture with the same layout). */
export interface LessonDirs {
  root: string;
  content: string;
  examples: string;
  bugs: string;
  results: string;
  generated: string;
  ui: string;
  templates: string;
}

let packageRoot: string | undefined;

/**
 * The `@residual/lessons` package folder, found from this file whether it runs from `src/` or
 * `dist/`, or — when a bundler copied this code elsewhere (the site's build) — through Node's
 * package resolution from there.
 *
 * @example
 * lessonsRoot(); // '/work/main/packages/lessons'
 */
export function lessonsRoot(): string {
  if (packageRoot !== undefined) return packageRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === '@residual/lessons') {
      packageRoot = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  try {
    packageRoot = dirname(realpathSync(createRequire(import.meta.url).resolve('@residual/lessons/package.json')));
    return packageRoot;
  } catch (error) {
    throw new Error(
      'lessonsRoot: @residual/lessons must be resolvable from this file, but neither a parent folder nor Node resolution found it. ' +
        'Install the workspace (`npm install`).',
      { cause: error },
    );
  }
}

/**
 * The folders of a lessons tree rooted at `root` (default: this package).
 *
 * @param root - a folder laid out like `packages/lessons` (content/, examples/, bugs/, …).
 * @example
 * lessonDirs().content; // '…/packages/lessons/content'
 */
export function lessonDirs(root: string = lessonsRoot()): LessonDirs {
  const base = resolve(root);
  return {
    root: base,
    content: join(base, 'content'),
    examples: join(base, 'examples'),
    bugs: join(base, 'bugs'),
    results: join(base, 'results'),
    generated: join(base, 'generated'),
    ui: join(base, 'ui'),
    templates: join(base, 'templates'),
  };
}
