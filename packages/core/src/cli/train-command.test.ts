import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCheckpoint } from '../training/checkpoint/checkpoint-format.js';
import { cifar10SampleDir } from '../training/data/__fixtures__/sample-dir.js';
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

/** The run files' SHA-256 digests (comparing megabytes with toEqual byte by byte takes minutes). */
const files = async (out: string) =>
  Promise.all(['last.ckpt', 'best.ckpt', 'metrics.jsonl'].map(async (name) => createHash('sha256').update(await readFile(join(out, name))).digest('hex')));

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
  // With lr 1e30 the second epoch diverges; which check sees it first (a step's loss, the weights
  // after the epoch's last update, or the test loss) depends on the kernels' arithmetic: fit.test.ts
  // holds each check to its message, and here the CLI must keep what was saved and say so.
  const detected =
    '(the loss must stay finite, but got (NaN|-?Infinity) at|the weights must stay finite, but [\\d,]+ of 274,042 values are NaN or infinite \\(the first in [^)]+\\) after|' +
    'the test loss must stay finite, but got (NaN|-?Infinity) at) epoch 2, step \\d+';
  it.each([['32'], ['16']])('--limit %s: saves nothing non-finite, keeps the last good checkpoint, exits non-zero naming epoch, step and the files kept', async (limit) => {
    const out = join(await mkdtemp(join(tmpdir(), 'residual-diverge-')), 'run');
    const common = ['--data', sample, '--limit', limit, '--batch-size', '8', '--backend', 'wasm', '--out', out];
    expect((await trainMain(...common, '--epochs', '1')).status).toBe(0);
    const good = await files(out);
    const diverged = await trainMain(...common, '--epochs', '2', '--resume', '--lr', '1e30');
    expect(diverged.status).toBe(1);
    expect(diverged.err.split('\n').at(-1)).toMatch(
      new RegExp(
        `^error: training: ${detected} \\(learning rate [\\d.e+-]+\\)\\. Lower the learning rate \\(--lr\\).*` +
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

describe('residual train and a run folder that holds a run', () => {
  it('refuses a fresh run, replaces it with --overwrite, and cleans what a killed run left when resuming', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'residual-folder-')), 'run');
    const common = ['--data', sample, '--limit', '16', '--batch-size', '8', '--backend', 'wasm', '--out', out];
    expect((await trainMain(...common, '--epochs', '1')).status).toBe(0);
    const first = await files(out);

    const again = await trainMain(...common, '--epochs', '1');
    expect(again.status).toBe(1);
    expect(again.err.split('\n').at(-1)).toBe(
      `error: train: --out ${out} must be a new run folder, but it holds a run: last.ckpt (epoch 1 of 1), best.ckpt (epoch 1), metrics.jsonl, curves.svg. ` +
        'Continue it with --resume, replace it with --overwrite, or choose another --out.',
    );
    expect(await files(out)).toEqual(first);
    expect(await readdir(out)).not.toContain('train.lock');

    const both = await trainMain(...common, '--resume', '--overwrite');
    expect([both.status, both.err]).toEqual([
      2,
      'error: residual train: --resume and --overwrite must not be given together, but got both. Continue the run with --resume, or start over with --overwrite.',
    ]);

    const replaced = await trainMain(...common, '--epochs', '1', '--seed', '2', '--overwrite');
    expect(replaced.status).toBe(0);
    expect(replaced.err).toContain(`note: --overwrite: deleted the run that was in ${out} (last.ckpt (epoch 1 of 1), best.ckpt (epoch 1), metrics.jsonl, curves.svg)`);
    const metrics = (await readFile(join(out, 'metrics.jsonl'), 'utf8')).trim().split('\n');
    expect(metrics.map((line) => (JSON.parse(line) as { kind: string }).kind)).toEqual(['run', 'epoch']);
    expect(metrics[0]).toContain('--seed 2');
    expect((await files(out))[1]).not.toEqual(first[1]);

    // What a killed run leaves: its lock and half-written temporary files.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid as number;
    await writeFile(join(out, 'train.lock'), JSON.stringify({ pid: dead, host: hostname(), command: 'residual train …', started: '2026-12-01T10:00:00.000Z', token: '0123456789abcdef' }));
    await writeFile(join(out, `best.ckpt.tmp-${dead}-k3j9a1`), 'half a checkpoint');
    await writeFile(join(out, `metrics.jsonl.tmp-${dead}-x0x0x0`), '');
    const resumed = await trainMain(...common, '--epochs', '2', '--resume');
    expect(resumed.status).toBe(0);
    expect(resumed.err).toContain(`note: ${join(out, 'train.lock')} was left by process ${dead} on ${hostname()} (residual train …, started 2026-12-01T10:00:00.000Z), which is no longer running: this run takes the folder over.`);
    expect(resumed.err).toContain(`note: removed 2 unfinished files that an interrupted run left in ${out}: best.ckpt.tmp-${dead}-k3j9a1, metrics.jsonl.tmp-${dead}-x0x0x0`);
    expect(resumed.out.split('\n').at(-1)).toMatch(/^run folder .*: last\.ckpt \(epoch 2\), best\.ckpt \(epoch [12]\), metrics\.jsonl, curves\.svg$/);
    expect((await readdir(out)).sort()).toEqual(['best.ckpt', 'curves.svg', 'last.ckpt', 'metrics.jsonl']);
  });
});
