import type { ImageDataset, ImageSplit } from './image-dataset.js';

/** `count` images spread evenly over the split (image ⌊i · total / count⌋), copied out. */
function spread(split: ImageSplit, count: number, imageSize: number): ImageSplit {
  if (count >= split.count) return split;
  const images = new Uint8Array(count * imageSize);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const source = Math.floor((i * split.count) / count);
    images.set(split.images.subarray(source * imageSize, (source + 1) * imageSize), i * imageSize);
    labels[i] = split.labels[source] ?? 0;
  }
  return { images, labels, count };
}

/**
 * Keeps at most `count` images of each split, for quick runs and tests: images spread evenly over
 * the split (every k-th), so a folder read class by class still gives every class, in proportion.
 *
 * @param data - a dataset.
 * @param count - the cap per split.
 * @returns a dataset with at most `count` images per split.
 * @example
 * limitDataset(await readImageFolder(dir), 100).train.labels; // 10 of each of 10 sorted classes
 */
export function limitDataset(data: ImageDataset, count: number): ImageDataset {
  const imageSize = data.imageShape[0] * data.imageShape[1] * data.imageShape[2];
  return { ...data, train: spread(data.train, count, imageSize), test: spread(data.test, count, imageSize) };
}
