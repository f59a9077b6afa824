import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './cli-process.js';

const bin = resolve(repoRoot, 'packages/core/bin/residual.js');
const residual = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });

describe('the residual bin (from a fresh clone: sources through tsx when dist/ is missing)', () => {
  it('runs a command', () => {
    const result = residual('summary', 'resnet20', '--json');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ model: 'resnet20' });
  });

  it('answers a bad command line with one paragraph and status 2, no stack trace', () => {
    const result = residual('train', '--model', 'resnet1000', '--data', 'x');
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^error: residual train: --model must be one of .* but got "resnet1000"/);
  });
});
