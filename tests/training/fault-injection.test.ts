import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeCheckpoint, type CheckpointHeader } from '@residual/core';
import { describe, expect, it } from 'vitest';
import { runCli, startCli, waitForStderr } from './cli-process.js';

// 32 real CIFAR-10 images, batch 8: 4 steps an epoch, 3 epochs, on wasm with Residual's kernels.
const trainArgs = (out: string) => [
  'train', '--model', 'resnet20', '--data', 'cifar10-sample', '--limit', '32', '--batch-size', '8',
  '--epochs', '3', '--lr', '0.05', '--backend', 'wasm', '--seed', '3', '--out', out,
];

/** A small seeded generator (mulberry32): the kill plan is random but the same on every run. */
function seeded(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

async function metrics(out: string) {
  const lines = (await readFile(join(out, 'metrics.jsonl'), 'utf8')).trim().split('\n');
  return lines.map((line) => JSON.parse(line) as { kind: string; epoch?: number; testLoss?: number; trainLoss?: number });
}

/** Every checkpoint in the folder, decoded in full (which checks every length and value). */
async function checkpoints(out: string): Promise<Map<string, { header: CheckpointHeader; values: Float32Array[] }>> {
  const found = new Map<string, { header: CheckpointHeader; values: Float32Array[] }>();
  for (const name of (await readdir(out)).filter((file) => file.endsWith('.ckpt'))) {
    found.set(name, decodeCheckpoint(new Uint8Array(await readFile(join(out, name))), name));
  }
  return found;
}

/** One kill: at a named point (the process kills itself there, RESIDUAL_TEST_KILL_AT) or by this test after a delay. */
type Kill = { readonly at: string } | { readonly afterMs: number };

describe('killing a real training process at random moments, then resuming, loses nothing', () => {
  it('the folder always holds a loadable checkpoint, and the run ends with the numbers of an uninterrupted one', { timeout: 600_000 }, async () => {
    const work = await mkdtemp(join(tmpdir(), 'residual-faults-'));
    const interrupted = join(work, 'interrupted');
    const straight = join(work, 'straight');
    const reference = runCli(trainArgs(straight)); // in parallel with the one we kill

    const random = seeded(20_251_207);
    const plan: Kill[] = [
      { at: `step:${1 + random(4)}` }, // inside epoch 1, before anything is saved
      { at: 'renamed@best.ckpt:1' }, // epoch 1 is the best so far: best.ckpt renamed into place, last.ckpt not yet
      { at: `partial-write@last.ckpt:${1 + random(2)}` }, // half of last.ckpt's new bytes written
      { at: `written@last.ckpt:${1 + random(2)}` }, // a complete temporary last.ckpt, not renamed
      { afterMs: 300 + random(2000) }, // whenever the test's timer fires
      { at: `renamed@metrics.jsonl:${1 + random(3)}` }, // a checkpoint saved, its metrics not all
      { at: `step:${1 + random(8)}` },
    ];
    const log: string[] = [];
    const notes: string[] = [];
    let newest = 0; // the latest epoch a checkpoint in the folder has held
    let finished = false;
    for (const kill of plan) {
      const files = await readdir(interrupted).catch(() => [] as string[]);
      const resume = files.includes('last.ckpt') || files.includes('best.ckpt');
      const args = [...trainArgs(interrupted), ...(resume ? ['--resume'] : [])];
      const cli = 'at' in kill ? startCli(args, { RESIDUAL_TEST_KILL_AT: kill.at }) : startCli(args);
      if ('afterMs' in kill) {
        await waitForStderr(cli, /^epoch \d\/3 \[/m).catch(() => {});
        await new Promise((done) => setTimeout(done, kill.afterMs));
        cli.child.kill('SIGKILL');
      }
      const { code, signal } = await cli.exited;
      notes.push(...cli.stderr().split('\n').filter((line) => line.startsWith('note: ')));
      log.push(`${JSON.stringify(kill)}${resume ? ' (--resume)' : ''}: ${signal ?? `exit ${code}`}`);
      expect(cli.stderr(), log.join('\n')).not.toMatch(/\n\s+at /);
      if (signal === null) {
        expect(code, `${log.join('\n')}\n${cli.stderr()}`).toBe(0);
        finished = true;
        break;
      }
      expect(signal, log.join('\n')).toBe('SIGKILL');
      // Whatever the moment: every .ckpt in the folder is whole, and none is older than one seen before.
      const found = await checkpoints(interrupted);
      const epochs = [...found.values()].map(({ header }) => header.state.epoch);
      if (newest > 0) expect(epochs.length, `no checkpoint left after ${log.at(-1)}`).toBeGreaterThan(0);
      expect(Math.max(0, ...epochs), log.join('\n')).toBeGreaterThanOrEqual(newest);
      newest = Math.max(newest, ...epochs);
    }
    if (!finished) {
      const last = await runCli([...trainArgs(interrupted), '--resume']);
      log.push(`final --resume: exit ${last.code}`);
      expect(last.code, `${log.join('\n')}\n${last.stderr}`).toBe(0);
    }
    // The plan must have stopped training several times, once between best.ckpt and last.ckpt,
    // which the next run completed, and the next runs took over the dead runs' locks.
    expect(log.filter((line) => line.endsWith('SIGKILL')).length, log.join('\n')).toBeGreaterThanOrEqual(4);
    expect(notes.join('\n')).toMatch(/last\.ckpt was missing and .*best\.ckpt at epoch 1: a run was stopped between saving the two/);
    expect(notes.filter((note) => note.includes('train.lock was left by process')).length).toBeGreaterThanOrEqual(3);

    const { code } = await reference;
    expect(code).toBe(0);
    const after = await metrics(interrupted);
    const expected = await metrics(straight);
    expect(after.map((line) => line.epoch ?? line.kind)).toEqual(['run', 1, 2, 3]);
    // Weights, optimiser state, BN statistics and the data/augmentation generator were all restored:
    // the resumed epochs reproduce the uninterrupted run's numbers exactly, and its weights bit for bit.
    expect(after.slice(1).map((line) => [line.trainLoss, line.testLoss])).toEqual(expected.slice(1).map((line) => [line.trainLoss, line.testLoss]));
    const mine = await checkpoints(interrupted);
    const theirs = await checkpoints(straight);
    // Digests: toEqual on 300,000 floats byte by byte would take a minute.
    const digest = (values: readonly Float32Array[] | undefined) => {
      const hash = createHash('sha256');
      for (const array of values ?? []) hash.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
      return hash.digest('hex');
    };
    for (const name of ['last.ckpt', 'best.ckpt']) {
      expect(mine.get(name)?.header.state).toEqual(theirs.get(name)?.header.state);
      expect(digest(mine.get(name)?.values)).toBe(digest(theirs.get(name)?.values));
    }
    expect(mine.get('best.ckpt')?.header.state.epoch).toBe(mine.get('last.ckpt')?.header.state.bestEpoch);
    expect((await readdir(interrupted)).sort()).toEqual(['best.ckpt', 'curves.svg', 'last.ckpt', 'metrics.jsonl']);
  });
});
