import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { cifar10SampleDir } from '../training/data/__fixtures__/sample-dir.js';
import { writeCheckpointFile } from './__fixtures__/checkpoint-file.js';
import { memoryIo } from './__fixtures__/memory-io.js';
import { main } from './main.js';

// Issue 15, case 8: every error a user can provoke names the input, the rule and the fix.

const sample = cifar10SampleDir();
let work: string;

async function run(...argv: string[]) {
  const io = memoryIo(`residual ${argv.join(' ')}`);
  const status = await main(argv, io);
  return { status, out: io.stdout.join('\n'), err: io.stderr.join('\n'), last: io.stderr.at(-1) ?? '' };
}

const png = (size: number) => {
  const image = new PNG({ width: size, height: size });
  image.data.fill(128);
  return PNG.sync.write(image);
};

beforeAll(async () => {
  await tf.setBackend('wasm');
  work = await mkdtemp(join(tmpdir(), 'residual-errors-'));
});

describe('residual answers bad command lines in the project form', () => {
  it('--epochs -1: the range rule, not parseArgs\' "ambiguous"', async () => {
    expect(await run('train', '--data', sample, '--epochs', '-1')).toMatchObject({
      status: 2,
      last: 'error: residual train: --epochs must be a positive integer number, but got "-1". See residual train --help.',
    });
    expect((await run('eval', '--checkpoint', 'x', '--data', sample, '--limit', '-5')).last).toBe(
      'error: residual eval: --limit must be a positive integer number, but got "-5". See residual eval --help.',
    );
  });

  it('--resize 100000x100000: bounded, naming the memory it would need', async () => {
    expect(await run('train', '--data', sample, '--resize', '100000x100000')).toMatchObject({
      status: 2,
      last:
        'error: residual train: --resize must be at most 4096x4096 (48.0 MiB an image as bytes, 192.0 MiB as floats), but got 100000x100000, ' +
        'which needs 27.9 GiB an image as bytes and 111.8 GiB as floats. Use a size such as 224x224.',
    });
  });

  it('--batch-size 100000 on wasm: refused before training, naming the memory a step needs', async () => {
    const out = join(work, 'huge-batch');
    const { status, last } = await run('train', '--data', sample, '--batch-size', '100000', '--backend', 'wasm', '--out', out);
    expect(status).toBe(1);
    expect(last).toMatch(
      /^error: train: --batch-size must let a training step fit in the wasm backend's memory \(4\.0 GiB\), but a step of 2,000 images \(--batch-size 100000, capped by the 2,000 images\) needs at least \d+\.\d GiB\. Use --batch-size \d+ or less\.$/,
    );
    expect(await readdir(out)).toEqual([]);
  });

  it('download --dir <a file>', async () => {
    const file = join(work, 'a-file');
    await writeFile(file, '');
    expect(await run('download', 'cifar10', '--dir', file)).toMatchObject({
      status: 1,
      last: `error: download: ${file} must be a folder (or a path to create), but it is a file (EEXIST). Choose another --dir.`,
    });
  });

  it('a data set whose test split has no images: no "test accuracy 0.00 %"', async () => {
    const root = join(work, 'tiny-folder');
    for (const name of ['cat', 'dog']) {
      await mkdir(join(root, name), { recursive: true });
      for (let i = 0; i < 3; i++) await writeFile(join(root, name, `${i}.png`), png(4));
    }
    const train = await run('train', '--data', root, '--backend', 'wasm', '--out', join(work, 'tiny-run'));
    expect(train.status).toBe(1);
    expect(train.last).toBe(
      `error: train: the test split must hold at least one image (each epoch is evaluated on it and best.ckpt is chosen by its accuracy), but image folder ${root}: ` +
        '6 train / 0 test images, 2 classes (only 2 in train, 0 in test), 4×4×3. Add a test/ folder beside train/, or at least 10 images per class (every 10th is held out).',
    );
  });
});

describe('eval and predict refuse a checkpoint they cannot trust', () => {
  it('a header without tensors', async () => {
    const file = join(work, 'no-tensors.ckpt');
    await writeCheckpointFile(file, { header: (header) => delete header['tensors'] });
    expect((await run('eval', '--checkpoint', file, '--data', sample, '--backend', 'wasm')).last).toBe(
      `error: checkpoint: ${file} must be a Residual checkpoint whose header lists its tensors (header.tensors, an array of { name, shape, group }), but got undefined. ` +
        'Use the last.ckpt or best.ckpt that residual train wrote.',
    );
  });

  it('class names of the wrong length', async () => {
    const file = join(work, 'three-names.ckpt');
    await writeCheckpointFile(file, { header: (header) => ((header['data'] as { classNames: string[] }).classNames = ['cat', 'dog', 'ship']) });
    expect((await run('predict', '--checkpoint', file, '--backend', 'wasm', 'x.png')).last).toBe(
      `error: checkpoint: ${file} must name one class per model output (header.model.numClasses = 10), but header.data.classNames has 3 ("cat", "dog", "ship"). ` +
        'Use the last.ckpt or best.ckpt that residual train wrote.',
    );
  });

  it('NaN weights: no "score: NaN"', async () => {
    const file = join(work, 'nan.ckpt');
    await writeCheckpointFile(file, { values: (values) => values.forEach((array) => array.fill(Number.NaN, 0, 3)) });
    const image = join(work, 'grey.png');
    await writeFile(image, png(32));
    const predicted = await run('predict', '--checkpoint', file, '--backend', 'wasm', image);
    expect(predicted.status).toBe(1);
    expect(predicted.out).toBe('');
    expect(predicted.last).toMatch(
      new RegExp(`^error: checkpoint: ${file} must hold finite numbers, but [\\d,]+ of 274,042 values are NaN or infinite \\(the first in .+\\)\\. A diverged run wrote it; use an earlier checkpoint, or train again with a lower --lr\\.$`),
    );
  });

  it('predict names the file a decoder refuses', async () => {
    const file = join(work, 'good.ckpt');
    await writeCheckpointFile(file);
    const broken = join(work, 'broken.jpg');
    await writeFile(broken, Buffer.from(jpeg.encode({ data: Buffer.alloc(32 * 32 * 4, 90), width: 32, height: 32 }, 90).data).subarray(0, 300));
    const { status, last } = await run('predict', '--checkpoint', file, '--backend', 'wasm', broken);
    expect(status).toBe(1);
    expect(last).toMatch(new RegExp(`^error: predict: ${broken} must be a valid JPEG file, but the decoder said: .+\\. Re-save it as JPEG or PNG, or remove it\\.$`));
  });
});
