import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cifar10SampleDir } from '../data/__fixtures__/sample-dir.js';
import { memoryIo } from './__fixtures__/memory-io.js';
import { trainCommand } from './train-command.js';

const sample = cifar10SampleDir();

async function train(...args: string[]) {
  const io = memoryIo(`residual train ${args.join(' ')}`);
  const status = await trainCommand(args, io);
  return { status, out: io.stdout.join('\n') };
}

describe('residual train --max-minutes', () => {
  it('stops cleanly between epochs (exit 0), and --resume continues the run', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'residual-cli-')), 'run');
    const common = ['--data', sample, '--limit', '16', '--batch-size', '8', '--epochs', '2', '--backend', 'wasm', '--out', out];
    const first = await train(...common, '--max-minutes', '0.0001');
    expect(first.status).toBe(0);
    expect(first.out).toContain('epoch 1/2: ');
    expect(first.out).not.toContain('epoch 2/2: ');
    expect(first.out).toMatch(/\nstopped after epoch 1 of 2: one more \(about \d+ s\) would end after --max-minutes 0\.0001; continue with --resume\n/);
    const rest = await train(...common, '--resume', '--max-minutes', '30');
    expect(rest.status).toBe(0);
    expect(rest.out).toContain('resuming ');
    expect(rest.out).toContain('epoch 2/2: ');
    expect(rest.out).not.toContain('stopped after');
  });

  it('refuses a budget that is not a positive number of minutes', async () => {
    await expect(train('--data', sample, '--max-minutes', '0')).rejects.toThrow(
      'residual train: --max-minutes must be a positive number, but got "0". See residual train --help.',
    );
  });
});
