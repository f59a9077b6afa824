// Outgrowing one machine: the README's path to PyTorch's DistributedDataParallel, run for real on
// the CPU. `residual export` writes ResNet-20 and its PyTorch module; torchrun trains it with DDP
// (gloo, 2 processes) on the CIFAR-10 sample that ships in the repository; `residual eval` reads
// the result back and must report PyTorch's own test loss and accuracy.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runPython, torchMissing } from './python-torch.js';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const bin = join(root, 'packages/core/bin/residual.js');
const trainer = join(root, 'packages/core/python/train_ddp.py');
const sample = join(root, 'packages/cifar10-sample/data');
const steps = 20;
const skip = torchMissing('DistributedDataParallel round trip');
let dir = '';

const residual = async (...args: string[]) => (await promisify(execFile)(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 300_000 })).stdout;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'residual-ddp-'));
});
afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

interface DdpSummary {
  worldSize: number;
  backend: string;
  steps: number;
  losses: number[];
  test: { loss: number; accuracy: number; count: number };
  weightsAgree: boolean;
  numBatchesTracked: number;
}

describe.skipIf(skip !== undefined)('export → torchrun (DDP, gloo, 2 processes) → residual eval', () => {
  test('ResNet-20 trained by PyTorch DDP evaluates in Residual as in PyTorch', async () => {
    const weights = join(dir, 'resnet20.safetensors');
    const exported = await residual('export', '--model', 'resnet20', '--seed', '1', '--out', weights, '--backend', 'wasm');
    expect(exported).toContain(`wrote ${join(dir, 'resnet20.py')}`);

    const trained = join(dir, 'resnet20-ddp.safetensors');
    // Debian's torch 1.13 on Python 3.11 misreads torchrun's default --redirects 0 (an enum change):
    // explicit --redirects 1 --tee 1 keeps every worker's output on the console, prefixed [default<rank>]:.
    const { stdout } = await runPython(
      ['-m', 'torch.distributed.run', '--standalone', '--nproc_per_node', '2', '--redirects', '1', '--tee', '1', trainer,
        '--module', join(dir, 'resnet20.py'), '--weights', weights, '--data', sample, '--steps', String(steps), '--out', trained],
      { env: { OMP_NUM_THREADS: '1' }, timeoutMs: 500_000 },
    );
    const lines = stdout.split('\n').map((line) => line.replace(/^\[default\d+\]:/, '')).filter((line) => line.startsWith('{'));
    const summary = JSON.parse(lines.find((line) => line.includes('"worldSize"')) ?? '{}') as DdpSummary;
    expect(summary).toMatchObject({ worldSize: 2, backend: 'gloo', steps, weightsAgree: true, numBatchesTracked: steps });
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const [first, last] = [mean(summary.losses.slice(0, 5)), mean(summary.losses.slice(-10))];
    expect(last).toBeLessThan(first);

    const evaluated = JSON.parse(await residual('eval', '--checkpoint', trained, '--model', 'resnet20', '--data', 'cifar10-sample', '--json', '--backend', 'wasm')) as {
      loss: number;
      accuracy: number;
      count: number;
      epoch: null;
    };
    console.log(
      `DDP: ${summary.worldSize} processes (${summary.backend}), ${steps} steps, training loss ${first.toFixed(3)} → ${last.toFixed(3)}; ` +
        `test loss PyTorch ${summary.test.loss.toFixed(6)} / Residual ${evaluated.loss.toFixed(6)}, accuracy ${summary.test.accuracy.toFixed(3)} / ${evaluated.accuracy.toFixed(3)} (${evaluated.count} images)`,
    );
    expect(evaluated.count).toBe(summary.test.count);
    expect(Math.abs(evaluated.loss - summary.test.loss)).toBeLessThanOrEqual(1e-4);
    expect(evaluated.accuracy).toBeCloseTo(summary.test.accuracy, 6);
    expect(evaluated.epoch).toBeNull();
  }, 600_000); // about 20 s of CPU alone; far longer on a machine shared by many
});
