/**
 * The absolute path of the folder holding the sample in CIFAR-10's official binary layout:
 * `data_batch_1.bin` (2,000 training images), `test_batch.bin` (500 test images) and
 * `batches.meta.txt` (the 10 class names). Node only (it is a file path).
 *
 * @example
 * ```ts
 * import { cifar10SampleDir } from '@residual/cifar10-sample';
 * import { readCifar10 } from '@residual/core/node';
 * const data = await readCifar10(cifar10SampleDir); // 2,000 train / 500 test images
 * ```
 */
export declare const cifar10SampleDir: string;

/**
 * The sample's file names in {@link cifar10SampleDir}; a bundler can also import them as
 * `@residual/cifar10-sample/data/<file>`.
 *
 * @example
 * ```ts
 * join(cifar10SampleDir, cifar10SampleFiles.test); // …/data/test_batch.bin
 * ```
 */
export declare const cifar10SampleFiles: Readonly<{ train: 'data_batch_1.bin'; test: 'test_batch.bin'; classNames: 'batches.meta.txt' }>;

/**
 * How many images each split holds: 200 training and 50 test images per class.
 *
 * @example
 * ```ts
 * cifar10SampleCounts.train; // 2000
 * ```
 */
export declare const cifar10SampleCounts: Readonly<{ train: 2000; test: 500; classes: 10 }>;
