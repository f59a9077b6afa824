/**
 * Images and labels of one split, stored compactly as bytes.
 * `images` holds `count` images of `[H, W, C]` (NHWC, row-major, channels interleaved), values 0–255.
 */
export interface ImageSplit {
  readonly images: Uint8Array; // [count, H, W, C]
  readonly labels: Uint8Array; // [count]
  readonly count: number;
}

/** Which loader produced a dataset. */
export type DatasetKind = 'cifar10' | 'cifar10-sample' | 'image-folder' | 'mnist';

/** A labelled image dataset with a train and a test split, ready for {@link makeBatch}. */
export interface ImageDataset {
  readonly kind: DatasetKind;
  /** Where it came from: a folder path or `mnist`. */
  readonly source: string;
  /** Class names in label order. */
  readonly classNames: readonly string[];
  /** `[H, W, C]` of every image. */
  readonly imageShape: readonly [number, number, number];
  readonly train: ImageSplit;
  readonly test: ImageSplit;
}

/**
 * Builds a split from parts, checking that sizes agree.
 *
 * @param images - `[count, H, W, C]` bytes.
 * @param labels - `[count]` class indices.
 * @param imageSize - `H·W·C`.
 * @returns the split.
 * @example
 * const split = makeSplit(new Uint8Array(2 * 12), new Uint8Array([0, 1]), 12);
 */
export function makeSplit(images: Uint8Array, labels: Uint8Array, imageSize: number): ImageSplit {
  if (images.length !== labels.length * imageSize) {
    throw new Error(
      `makeSplit: images must hold labels.length × ${imageSize} bytes, but got ${images.length} bytes for ${labels.length} labels. ` +
        'Check the loader that built this split.',
    );
  }
  return { images, labels, count: labels.length };
}

/**
 * Concatenates splits (e.g. the five CIFAR-10 training batches) into one.
 *
 * @param parts - splits of the same image size.
 * @returns one split holding them in order.
 * @example
 * const train = concatSplits([batch1, batch2]);
 */
export function concatSplits(parts: readonly ImageSplit[]): ImageSplit {
  const count = parts.reduce((sum, part) => sum + part.count, 0);
  const bytes = parts.reduce((sum, part) => sum + part.images.length, 0);
  const images = new Uint8Array(bytes);
  const labels = new Uint8Array(count);
  let imageOffset = 0;
  let labelOffset = 0;
  for (const part of parts) {
    images.set(part.images, imageOffset);
    labels.set(part.labels, labelOffset);
    imageOffset += part.images.length;
    labelOffset += part.count;
  }
  return { images, labels, count };
}
