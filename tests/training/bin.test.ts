import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot, residualBin } from './cli-process.js';

// From the sources, as startCli runs it (a build of dist/ may be under way while tests run).
const residual = (...args: string[]) =>
  spawnSync(process.execPath, [residualBin, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000, env: { ...process.env, RESIDUAL_FROM_SOURCE: '1' } });

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
