import type { ImageSplit } from './image-dataset.js';

/** Per-channel mean and standard deviation of pixel values scaled to [0, 1]. */
export interface ChannelStats {
  readonly mean: readonly number[];
  readonly std: readonly number[];
}

/**
 * Computes the per-channel mean and (population) standard deviation of a split's pixels, scaled to
 * [0, 1] — for CIFAR-10's training set the well-known (0.4914, 0.4822, 0.4465) and
 * (0.2470, 0.2435, 0.2616). Normalising with a dataset's own statistics (not ImageNet's) is what
 * the ResNet paper's CIFAR experiments do.
 *
 * @param split - images `[N, H, W, C]`.
 * @param channels - `C`.
 * @returns the mean and std per channel.
 * @example
 * const { mean, std } = channelStats(data.train, 3);
 */
export function channelStats(split: ImageSplit, channels: number): ChannelStats {
  const sums = new Float64Array(channels);
  const squares = new Float64Array(channels);
  const { images } = split;
  for (let i = 0; i < images.length; i++) {
    const value = (images[i] ?? 0) / 255;
    const channel = i % channels;
    sums[channel] = (sums[channel] ?? 0) + value;
    squares[channel] = (squares[channel] ?? 0) + value * value;
  }
  const perChannel = images.length / channels;
  const mean = Array.from(sums, (sum) => sum / perChannel);
  const std = Array.from(squares, (square, channel) => Math.sqrt(Math.max(square / perChannel - (mean[channel] ?? 0) ** 2, 0)));
  return { mean, std };
}
