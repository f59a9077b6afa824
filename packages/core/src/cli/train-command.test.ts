import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCheckpoint } from '../checkpoint/checkpoint-format.js';
import { cifar10SampleDir } from '../data/__fixtures__/sample-dir.js';
import { memoryIo } from './__fixtures__/memory-io.js';
import { main } from './main.js';
import { trainCommand } from './train-command.js';

const sample = cifar10SampleDir();

async function train(...args: string[]) {
  const io = memoryIo(`residual train ${args.join(' ')}`);
  const status = await trainCommand(args, io);
  return { status, out: io.stdout.join('\n') };
}

/** Runs `residual train` through main, as the bin does: errors become a status and a message. */
async function trainMain(...args: string[]) {
  const io = memoryIo(`residual train ${args.join(' ')}`);
  const status = await main(['train', ...args], io);
  return { status, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

const files = async (out: string) => Promise.all(['last.ckpt', 'best.ckpt', 'metrics.jsonl'].map((name) => readFile(join(out, name))));

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

describe('residual train when the run diverges', () => {
  // With lr 1e9 each step's loss is finite before its update; after the epoch's last update the
  // weights are NaN (32 images) or finite but so large that the test loss is NaN (16 images).
  it.each([
    ['32', 'the weights must stay finite, but [\\d,]+ of 274,042 values are NaN or infinite \\(the first in [^)]+\\) after epoch 2, step 4'],
    ['16', 'the test loss must stay finite, but got NaN at epoch 2, step 2'],
  ])('--limit %s: saves nothing non-finite, keeps the last good checkpoint, exits non-zero naming epoch, step and the files kept', async (limit, what) => {
    const out = join(await mkdtemp(join(tmpdir(), 'residual-diverge-')), 'run');
    const common = ['--data', sample, '--limit', limit, '--batch-size', '8', '--backend', 'wasm', '--out', out];
    expect((await trainMain(...common, '--epochs', '1')).status).toBe(0);
    const good = await files(out);
    const diverged = await trainMain(...common, '--epochs', '2', '--resume', '--lr', '1e9');
    expect(diverged.status).toBe(1);
    expect(diverged.err.split('\n').at(-1)).toMatch(
      new RegExp(
        `^error: training: ${what} \\(learning rate [\\d.]+\\)\\. Lower the learning rate \\(--lr\\).*` +
          `Nothing of epoch 2 was saved: ${out}/last\\.ckpt \\(epoch 1\\) and ${out}/best\\.ckpt \\(epoch 1\\) are kept; continue with --resume and a lower --lr\\.$`,
      ),
    );
    expect(diverged.out).not.toContain('saved');
    expect(await files(out)).toEqual(good);
    const recovered = await trainMain(...common, '--epochs', '2', '--resume', '--lr', '0.01');
    expect(recovered.status).toBe(0);
    const last = await readFile(join(out, 'last.ckpt'));
    expect(decodeCheckpoint(new Uint8Array(last), 'last.ckpt').header.state.epoch).toBe(2);
  });
});
