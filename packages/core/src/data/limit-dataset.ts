import type { ImageDataset, ImageSplit } from './image-dataset.js';

function head(split: ImageSplit, count: number, imageSize: number): ImageSplit {
  const kept = Math.min(count, split.count);
  return { images: split.images.subarray(0, kept * imageSize), labels: split.labels.subarray(0, kept), count: kept };
}

/**
 * Keeps at most `count` images of each split (the first ones), for quick runs and tests.
 *
 * @param data - a dataset.
 * @param count - the cap per split.
 * @returns a dataset viewing the same bytes.
 * @example
 * limitDataset(await readCifar10(dir), 256).train.count; // 256
 */
export function limitDataset(data: ImageDataset, count: number): ImageDataset {
  const imageSize = data.imageShape[0] * data.imageShape[1] * data.imageShape[2];
  return { ...data, train: head(data.train, count, imageSize), test: head(data.test, count, imageSize) };
}
