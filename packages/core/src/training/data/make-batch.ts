import type { Rng } from '../train/rng.js';
import type { ChannelStats } from './channel-stats.js';
import type { ImageSplit } from './image-dataset.js';

/** Training-time augmentation, as the ResNet paper's CIFAR-10 recipe. */
export interface Augmentation {
  /** Pad each side with this many black pixels, then crop back to size at a random offset; 0 turns it off. */
  readonly padCrop: number;
  /** Mirror left–right with probability ½. */
  readonly flip: boolean;
}

/** The paper's (and torchvision's usual) CIFAR-10 augmentation: 4-pixel pad-and-crop and horizontal flips. */
export const cifarAugmentation: Augmentation = { padCrop: 4, flip: true };

/** Options for {@link makeBatch}. */
export interface MakeBatchOptions {
  /** `[H, W, C]` of the split's images. */
  readonly imageShape: readonly [number, number, number];
  /** Per-channel normalisation: `(pixel / 255 − mean) / std`. */
  readonly stats: ChannelStats;
  /** Augment when set (training); the random draws come from `rng`. */
  readonly augment?: Augmentation;
  /** Required with `augment`. */
  readonly rng?: Rng;
}

/**
 * Gathers images by index into one normalised float batch, augmenting them on the way when asked.
 * A crop's padding is black (pixel 0) before normalisation, as torchvision's `RandomCrop(padding=4)`
 * followed by `Normalize`.
 *
 * @param split - the source images, `[count, H, W, C]` bytes.
 * @param indices - which images, in batch order.
 * @param options - shape, normalisation and augmentation.
 * @returns `[indices.length, H, W, C]` floats and the labels.
 * @example
 * const { pixels, labels } = makeBatch(data.train, order.subarray(0, 128), { imageShape: [32, 32, 3], stats, augment: cifarAugmentation, rng });
 * const x = tf.tensor4d(pixels, [128, 32, 32, 3]); // [N, H, W, C]
 */
export function makeBatch(
  split: ImageSplit,
  indices: ArrayLike<number>,
  options: MakeBatchOptions,
): { pixels: Float32Array; labels: Int32Array } {
  const [height, width, channels] = options.imageShape;
  const imageSize = height * width * channels;
  const pixels = new Float32Array(indices.length * imageSize);
  const labels = new Int32Array(indices.length);
  if (options.stats.mean.length !== channels || options.stats.std.length !== channels) {
    throw new Error(
      `makeBatch: options.stats must hold ${channels} means and standard deviations (one per channel), but got ${options.stats.mean.length} and ${options.stats.std.length}. ` +
        'Use the statistics of data with this image shape.',
    );
  }
  const scale = options.stats.std.map((std) => 1 / (255 * std));
  const shift = options.stats.mean.map((mean, channel) => mean / (options.stats.std[channel] as number)); // one per channel, checked above
  const { augment, rng } = options;
  if (augment !== undefined && rng === undefined) {
    throw new Error('makeBatch: options.rng must be set when options.augment is, but got none. Pass a seeded Rng.');
  }
  for (let b = 0; b < indices.length; b++) {
    const index = indices[b] as number; // b < indices.length
    if (!(Number.isInteger(index) && index >= 0 && index < split.count)) {
      throw new Error(`makeBatch: every index must be an image of the split (0 to ${split.count - 1}), but got ${index} at position ${b}. Pass indices of this split.`);
    }
    labels[b] = split.labels[index] as number;
    const pad = augment?.padCrop ?? 0;
    const dy = pad > 0 && rng !== undefined ? rng.int(2 * pad + 1) - pad : 0;
    const dx = pad > 0 && rng !== undefined ? rng.int(2 * pad + 1) - pad : 0;
    const flip = augment?.flip === true && rng !== undefined && rng.next() < 0.5;
    const source = index * imageSize;
    const target = b * imageSize;
    for (let y = 0; y < height; y++) {
      const sy = y + dy;
      for (let x = 0; x < width; x++) {
        const sx = (flip ? width - 1 - x : x) + dx;
        const inside = sy >= 0 && sy < height && sx >= 0 && sx < width;
        for (let c = 0; c < channels; c++) {
          // In range: index < split.count, (sy, sx) inside the image, c < channels.
          const value = inside ? (split.images[source + (sy * width + sx) * channels + c] as number) : 0;
          pixels[target + (y * width + x) * channels + c] = value * (scale[c] as number) - (shift[c] as number);
        }
      }
    }
  }
  return { pixels, labels };
}
