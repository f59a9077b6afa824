import type { ImageSplit } from './image-dataset.js';

/** Per-channel mean and standard deviation of pixel values scaled to [0, 1]. */
export interface ChannelStats {
  readonly mean: readonly number[];
  readonly std: readonly number[];
}

/**
 * The smallest standard deviation {@link channelStats} reports: one grey level. A channel with the
 * same value in every pixel would otherwise give a std of 0, and normalising by it NaN inputs.
 */
export const minStd = 1 / 255;

/**
 * Computes the per-channel mean and (population) standard deviation of a split's pixels, scaled to
 * [0, 1] — for CIFAR-10's training set the well-known (0.4914, 0.4822, 0.4465) and
 * (0.2470, 0.2435, 0.2616). Normalising with a dataset's own statistics (not ImageNet's) is what
 * the ResNet paper's CIFAR experiments do.
 *
 * @param split - images `[N, H, W, C]`.
 * @param channels - `C`.
 * @returns the mean and std per channel (std at least {@link minStd}).
 * @example
 * const { mean, std } = channelStats(data.train, 3);
 */
export function channelStats(split: ImageSplit, channels: number): ChannelStats {
  const sums = new Float64Array(channels);
  const squares = new Float64Array(channels);
  const { images } = split;
  if (images.length === 0 || images.length % channels !== 0) {
    throw new Error(`channelStats: the split must hold whole images of ${channels} channels, but got ${images.length} bytes. Compute statistics on a split with images.`);
  }
  // Indices below are in range: i < images.length, channel < channels.
  for (let i = 0; i < images.length; i++) {
    const value = (images[i] as number) / 255;
    const channel = i % channels;
    sums[channel] = (sums[channel] as number) + value;
    squares[channel] = (squares[channel] as number) + value * value;
  }
  const perChannel = images.length / channels;
  const mean = Array.from(sums, (sum) => sum / perChannel);
  const std = Array.from(squares, (square, channel) => Math.max(Math.sqrt(Math.max(square / perChannel - (mean[channel] as number) ** 2, 0)), minStd));
  return { mean, std };
}
