import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');

/**
 * Files that may name the workplace's shared folder: the developers' GPU recipe (it needs
 * `../shared/gpu/prepare.sh`), and recorded training runs, whose commands say where their data was
 * read from (provenance, not a dependency).
 */
const allowed = [
  /^bench\/prepare-gpu\.sh$/,
  /^bench\/README\.md$/,
  /^\.gitignore$/,
  /^packages\/lessons\/results\/.*\.jsonl$/,
  /^tests\/repo\/self-contained\.test\.ts$/,
];

/**
 * Whether a line of `file` reaches outside the repository: an absolute path to the workplace's
 * shared folder, the old environment variables, or a relative `../…/shared` path that leaves the
 * repository. A module specifier (`from '…'`, `import('…')`) resolves from the file's folder; any
 * other path (a command, a doc) from the repository root, where the README's commands run, and from
 * the file's folder.
 */
function reachesOutside(file: string, line: string): boolean {
  if (/\/work\/shared\b|RESIDUAL_CIFAR10_SAMPLE|RESIDUAL_SHARED/.test(line)) return true;
  const leaves = (from: string, path: string) => relative(repoRoot, resolve(repoRoot, from, path)).startsWith('..');
  return [...line.matchAll(/(?:\.\.\/)+shared\b/g)].some((match) => {
    const specifier = new RegExp(`(?:from\\s+|import\\s*\\(\\s*)['"]${match[0].replaceAll('.', '\\.')}`).test(line);
    return specifier ? leaves(dirname(file), match[0]) : leaves('.', match[0]) || leaves(dirname(file), match[0]);
  });
}

describe('the repository needs nothing beside it', () => {
  it('no tracked file but the GPU recipe and recorded provenance points into ../shared', () => {
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8' }).split('\0').filter((file) => file !== '');
    const offenders = files
      .filter((file) => !allowed.some((pattern) => pattern.test(file)))
      .filter((file) => !/\.(bin|png|jpe?g|wasm|ico|woff2?)$/.test(file))
      .flatMap((file) =>
        readFileSync(join(repoRoot, file), 'utf8')
          .split('\n')
          .flatMap((line, index) => (reachesOutside(file, line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });

  it('the test suites can read the CIFAR-10 sample from the workspace package that ships it', async () => {
    const { cifar10SampleDir, cifar10SampleFiles } = await import('@residual/cifar10-sample');
    expect(cifar10SampleDir.startsWith(join(repoRoot, 'packages'))).toBe(true);
    const meta = readFileSync(join(cifar10SampleDir, cifar10SampleFiles.classNames), 'utf8').trim().split('\n');
    expect(meta).toHaveLength(10);
  });
});
