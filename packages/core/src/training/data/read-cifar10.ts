import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { cifar10ClassNames, decodeCifar10Batch } from './cifar10-binary.js';
import { DataError } from './data-error.js';
import { concatSplits, type ImageDataset } from './image-dataset.js';

const trainFiles = [1, 2, 3, 4, 5].map((index) => `data_batch_${index}.bin`);
const testFile = 'test_batch.bin';

/**
 * True when `dir` looks like the CIFAR-10 binary version: it holds `test_batch.bin` or a `data_batch_N.bin`.
 *
 * @param entries - the names in the folder.
 * @returns whether a CIFAR-10 loader should read it.
 * @example
 * isCifar10Folder(['data_batch_1.bin', 'test_batch.bin']); // true
 */
export function isCifar10Folder(entries: readonly string[]): boolean {
  return entries.includes(testFile) || trainFiles.some((file) => entries.includes(file));
}

/**
 * Reads CIFAR-10 in the official binary layout: every `data_batch_1.bin` … `data_batch_5.bin`
 * present (at least one) as the training split, `test_batch.bin` as the test split, and the class
 * names from `batches.meta.txt` when present. A subset (such as the project's 2,000-image sample)
 * loads the same way.
 *
 * @param dir - the folder, e.g. `cifar-10-batches-bin/`.
 * @returns the dataset, images `[N, 32, 32, 3]` as bytes.
 * @throws DataError naming the missing file, or the file and byte offset of a corrupt record.
 * @example
 * const data = await readCifar10(cifar10SampleDir); // from @residual/cifar10-sample: 2,000 train, 500 test
 */
export async function readCifar10(dir: string): Promise<ImageDataset> {
  const entries = await readdir(dir);
  const present = trainFiles.filter((file) => entries.includes(file));
  if (present.length === 0 || !entries.includes(testFile)) {
    const missing = present.length === 0 ? 'data_batch_1.bin (or any data_batch_N.bin)' : testFile;
    throw new DataError(
      `CIFAR-10: ${dir} must hold the binary version's data_batch_N.bin and ${testFile}, but ${missing} is missing. ` +
        'Get the data with: residual download cifar10 --dir <dir>.',
    );
  }
  const read = async (file: string) => decodeCifar10Batch(new Uint8Array(await readFile(join(dir, file))), join(dir, file));
  const train = concatSplits(await Promise.all(present.map(read)));
  const test = await read(testFile);
  let classNames: readonly string[] = cifar10ClassNames;
  if (entries.includes('batches.meta.txt')) {
    const names = (await readFile(join(dir, 'batches.meta.txt'), 'utf8'))
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '');
    if (names.length !== 10) {
      throw new DataError(
        `CIFAR-10: ${join(dir, 'batches.meta.txt')} must list 10 class names, one a line, but got ${names.length}. ` +
          'Restore the file from the archive or delete it to use the standard names.',
      );
    }
    classNames = names;
  }
  return { kind: 'cifar10', source: dir, classNames, imageShape: [32, 32, 3], train, test };
}
