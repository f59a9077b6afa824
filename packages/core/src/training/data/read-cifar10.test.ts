import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cifar10SampleDir } from './__fixtures__/sample-dir.js';
import { cifar10ClassNames } from './cifar10-binary.js';
import { DataError } from './data-error.js';
import { describeDataset, loadDataset } from './load-dataset.js';
import { readCifar10 } from './read-cifar10.js';

describe('readCifar10', () => {
  it('reads the sample: 2,000 train and 500 test images, 200 and 50 per class, names from batches.meta.txt', async () => {
    const data = await readCifar10(cifar10SampleDir());
    expect([data.train.count, data.test.count]).toEqual([2000, 500]);
    const perClass = (labels: Uint8Array) => Array.from({ length: 10 }, (_, c) => labels.filter((label) => label === c).length);
    expect(perClass(data.train.labels)).toEqual(Array(10).fill(200));
    expect(perClass(data.test.labels)).toEqual(Array(10).fill(50));
    const meta = (await readFile(join(cifar10SampleDir(), 'batches.meta.txt'), 'utf8')).split('\n').filter((line) => line.trim() !== '');
    expect(data.classNames).toEqual(meta);
    expect(data.classNames).toEqual(cifar10ClassNames);
    expect(data.imageShape).toEqual([32, 32, 3]);
  });

  it('says which file is missing and how to get the data', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'residual-cifar-'));
    await copyFile(join(cifar10SampleDir(), 'data_batch_1.bin'), join(dir, 'data_batch_1.bin'));
    await expect(readCifar10(dir)).rejects.toThrow(
      `CIFAR-10: ${dir} must hold the binary version's data_batch_N.bin and test_batch.bin, but test_batch.bin is missing. Get the data with: residual download cifar10 --dir <dir>.`,
    );
  });

  it('names the corrupt file and the offset through loadDataset', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'residual-cifar-'));
    await copyFile(join(cifar10SampleDir(), 'test_batch.bin'), join(dir, 'test_batch.bin'));
    await writeFile(join(dir, 'data_batch_1.bin'), (await readFile(join(cifar10SampleDir(), 'data_batch_1.bin'))).subarray(0, 3073 * 5 + 7));
    await expect(loadDataset(dir)).rejects.toThrow(`${join(dir, 'data_batch_1.bin')} must be a whole number of 3,073-byte records, but got 15372 bytes: the record at byte offset 15365 is truncated`);
  });
});

describe('loadDataset', () => {
  it('says how to get data for a missing folder', async () => {
    const error = await loadDataset('/nonexistent/cifar').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DataError);
    expect((error as Error).message).toBe(
      "data: /nonexistent/cifar must be a folder (CIFAR-10 binary or <class>/<image> folders), 'cifar10-sample' or 'mnist', but it does not exist. " +
        'To get CIFAR-10: residual download cifar10 --dir /nonexistent/cifar; without a download: --data cifar10-sample (2,000 real CIFAR-10 images) or --data mnist.',
    );
  });

  it('tells which kind of data it found', async () => {
    const data = await loadDataset(cifar10SampleDir());
    expect(describeDataset(data)).toBe(`CIFAR-10 binary in ${cifar10SampleDir()}: 2,000 train / 500 test images, 10 classes, 32×32×3`);
  });

  it('loads the sample that ships with Residual by name, with no folder beside the repository', async () => {
    const data = await loadDataset('cifar10-sample');
    expect(data.kind).toBe('cifar10-sample');
    expect(data.source).toBe(cifar10SampleDir());
    expect(data.source.startsWith(resolve(fileURLToPath(import.meta.url), '../../../../..'))).toBe(true);
    expect(describeDataset(data)).toBe(`CIFAR-10 sample (${cifar10SampleDir()}): 2,000 train / 500 test images, 10 classes, 32×32×3`);
    expect(data.classNames).toEqual(cifar10ClassNames);
  });
});
