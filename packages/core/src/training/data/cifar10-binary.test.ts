import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cifar10SampleDir } from './__fixtures__/sample-dir.js';
import { CorruptDataError, decodeCifar10Batch, encodeCifar10Batch } from './cifar10-binary.js';

const samplePath = join(cifar10SampleDir(), 'test_batch.bin');

describe('decodeCifar10Batch on the real sample', () => {
  it('reads 500 records whose labels cycle 0…9, as the sample README says', async () => {
    const bytes = new Uint8Array(await readFile(samplePath));
    const split = decodeCifar10Batch(bytes, samplePath);
    expect(split.count).toBe(bytes.length / 3073);
    expect(split.count).toBe(500);
    expect(Array.from(split.labels.subarray(0, 12))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
    // Plane layout → NHWC: pixel (row 5, col 7) of image 3, green, is byte 1 + 1024 + 5·32 + 7 of record 3.
    expect(split.images[3 * 3072 + (5 * 32 + 7) * 3 + 1]).toBe(bytes[3 * 3073 + 1 + 1024 + 5 * 32 + 7]);
    expect(Buffer.compare(Buffer.from(encodeCifar10Batch(split)), Buffer.from(bytes))).toBe(0); // round trip
  });

  it('names the file and byte offset of a truncated record', async () => {
    const bytes = new Uint8Array(await readFile(samplePath)).subarray(0, 3073 * 2 + 100);
    let caught: unknown;
    try {
      decodeCifar10Batch(bytes, 'data/test_batch.bin');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CorruptDataError);
    expect((caught as CorruptDataError).offset).toBe(6146);
    expect((caught as Error).message).toBe(
      'CIFAR-10: data/test_batch.bin must be a whole number of 3,073-byte records, but got 6246 bytes: ' +
        'the record at byte offset 6146 is truncated (100 of 3,073 bytes). Download the data again (residual download cifar10).',
    );
  });

  it('names the byte offset of an impossible label', async () => {
    const bytes = new Uint8Array(await readFile(samplePath)).slice(0, 3073 * 3);
    bytes[3073 * 2] = 42;
    expect(() => decodeCifar10Batch(bytes, 'x.bin')).toThrow(
      'CIFAR-10: x.bin must hold labels 0–9, but got 42 at byte offset 6146 (record 2). The file is corrupt or not a CIFAR-10 binary batch; download the data again (residual download cifar10).',
    );
  });

  it('refuses an empty file', () => {
    expect(() => decodeCifar10Batch(new Uint8Array(), 'empty.bin')).toThrow(/empty\.bin must be a whole number .* the file is empty/);
  });
});
