import { makeSplit, type ImageSplit } from './image-dataset.js';

/** Bytes per CIFAR-10 record: 1 label byte and 3 planes of 32×32 (red, green, blue). */
export const cifar10RecordBytes = 1 + 3 * 32 * 32;

/** Raised for a CIFAR-10 file that is truncated or holds an impossible label; names the file and byte offset. */
export class CorruptDataError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'CorruptDataError';
  }
}

/**
 * Decodes one file of the official CIFAR-10 binary version (`data_batch_1.bin` … `test_batch.bin`).
 * Each 3,073-byte record is a label byte (0–9) then the red, green and blue 32×32 planes, row-major;
 * the result interleaves them as NHWC.
 *
 * @param bytes - the whole file.
 * @param file - its name, used in error messages.
 * @returns the images `[count, 32, 32, 3]` and labels `[count]`.
 * @throws CorruptDataError when the length is not a whole number of records or a label is above 9.
 * @example
 * const split = decodeCifar10Batch(await readFile('data_batch_1.bin'), 'data_batch_1.bin');
 */
export function decodeCifar10Batch(bytes: Uint8Array, file: string): ImageSplit {
  const count = Math.floor(bytes.length / cifar10RecordBytes);
  const tail = bytes.length - count * cifar10RecordBytes;
  if (bytes.length === 0 || tail !== 0) {
    const offset = count * cifar10RecordBytes;
    throw new CorruptDataError(
      `CIFAR-10: ${file} must be a whole number of 3,073-byte records, but got ${bytes.length} bytes: ` +
        (bytes.length === 0
          ? 'the file is empty. '
          : `the record at byte offset ${offset} is truncated (${tail} of 3,073 bytes). `) +
        'Download the data again (residual download cifar10).',
      file,
      offset,
    );
  }
  const images = new Uint8Array(count * 32 * 32 * 3);
  const labels = new Uint8Array(count);
  for (let record = 0; record < count; record++) {
    const start = record * cifar10RecordBytes;
    const label = bytes[start] as number; // count whole records: every index below is inside bytes
    if (label > 9) {
      throw new CorruptDataError(
        `CIFAR-10: ${file} must hold labels 0–9, but got ${label} at byte offset ${start} (record ${record}). ` +
          'The file is corrupt or not a CIFAR-10 binary batch; download the data again (residual download cifar10).',
        file,
        start,
      );
    }
    labels[record] = label;
    const out = record * 3072;
    for (let pixel = 0; pixel < 1024; pixel++) {
      images[out + pixel * 3] = bytes[start + 1 + pixel] as number; // red plane
      images[out + pixel * 3 + 1] = bytes[start + 1 + 1024 + pixel] as number; // green plane
      images[out + pixel * 3 + 2] = bytes[start + 1 + 2048 + pixel] as number; // blue plane
    }
  }
  return makeSplit(images, labels, 3072);
}

/**
 * Encodes images back into CIFAR-10 records (the inverse of {@link decodeCifar10Batch}); used to
 * write test fixtures and small sample files.
 *
 * @param split - images `[count, 32, 32, 3]` and labels.
 * @returns the file bytes.
 * @example
 * await writeFile('tiny.bin', encodeCifar10Batch(split));
 */
export function encodeCifar10Batch(split: ImageSplit): Uint8Array {
  if (split.images.length !== split.count * 3072 || split.labels.length !== split.count) {
    throw new Error(
      `encodeCifar10Batch: the split must hold ${split.count} images of 32×32×3 and as many labels, but got ${split.images.length} bytes and ${split.labels.length} labels. ` +
        'Pass a split of CIFAR-10-sized images.',
    );
  }
  const bytes = new Uint8Array(split.count * cifar10RecordBytes);
  for (let record = 0; record < split.count; record++) {
    const start = record * cifar10RecordBytes;
    bytes[start] = split.labels[record] as number; // sizes checked above
    for (let pixel = 0; pixel < 1024; pixel++) {
      for (let channel = 0; channel < 3; channel++) {
        bytes[start + 1 + channel * 1024 + pixel] = split.images[record * 3072 + pixel * 3 + channel] as number;
      }
    }
  }
  return bytes;
}

/** The CIFAR-10 class names in label order, as in the official `batches.meta.txt`. */
export const cifar10ClassNames = [
  'airplane',
  'automobile',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
] as const;
