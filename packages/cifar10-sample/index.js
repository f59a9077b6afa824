// @residual/cifar10-sample: where the sample's files are. Plain JavaScript with types beside it
// (index.d.ts), so that the package needs no build.
import { fileURLToPath } from 'node:url';

/** The folder holding `data_batch_1.bin`, `test_batch.bin` and `batches.meta.txt`. */
export const cifar10SampleDir = fileURLToPath(new URL('./data', import.meta.url));

/** The files in that folder, and what each holds. */
export const cifar10SampleFiles = Object.freeze({
  train: 'data_batch_1.bin',
  test: 'test_batch.bin',
  classNames: 'batches.meta.txt',
});

/** How many images each split holds (equal per class). */
export const cifar10SampleCounts = Object.freeze({ train: 2000, test: 500, classes: 10 });
