import { describe, expect, it } from 'vitest';
import { cifar10SampleDir } from './__fixtures__/sample-dir.js';
import { channelStats } from './channel-stats.js';
import { readCifar10 } from './read-cifar10.js';

describe('channelStats', () => {
  it('computes per-channel mean and population std, scaled to [0, 1]', () => {
    // Two 1×1 RGB images: R ∈ {0, 255}, G ∈ {51, 51}, B ∈ {102, 204}.
    const stats = channelStats({ images: Uint8Array.from([0, 51, 102, 255, 51, 204]), labels: Uint8Array.from([0, 1]), count: 2 }, 3);
    expect(stats.mean.map((value) => Number(value.toFixed(6)))).toEqual([0.5, 0.2, 0.6]);
    // G is 51 everywhere: its std is one grey level, not 0 (normalising by 0 gave NaN inputs and NaN weights).
    expect(stats.std.map((value) => Number(value.toFixed(6)))).toEqual([0.5, Number((1 / 255).toFixed(6)), 0.2]);
  });

  it("CIFAR-10's own statistics: the real sample lands near the published full-training-set values", async () => {
    const { train } = await readCifar10(cifar10SampleDir());
    const { mean, std } = channelStats(train, 3);
    // Published for the 50,000 training images (e.g. torchvision/timm CIFAR recipes); the sample is
    // 2,000 JPEG-decoded images, so agreement within 0.02 is what to expect, not equality.
    const publishedMean = [0.4914, 0.4822, 0.4465];
    const publishedStd = [0.247, 0.2435, 0.2616];
    mean.forEach((value, channel) => expect(Math.abs(value - publishedMean[channel]!)).toBeLessThan(0.02));
    std.forEach((value, channel) => expect(Math.abs(value - publishedStd[channel]!)).toBeLessThan(0.02));
    // And not ImageNet's (0.485, 0.456, 0.406) / (0.229, 0.224, 0.225), which seed 003 used.
    expect(Math.abs(mean[2]! - 0.406)).toBeGreaterThan(0.02);
  });
});
