import { describe, expect, it } from 'vitest';
import { renderCurvesSvg } from './curves-svg.js';
import type { EpochMetrics } from './fit.js';
import { formatDuration, formatProgress } from './format-progress.js';

const epoch = (n: number): EpochMetrics => ({
  epoch: n,
  trainLoss: 2 / n,
  trainAccuracy: 0.2 * n,
  testLoss: 2.2 / n,
  testAccuracy: 0.18 * n,
  lr: 0.1,
  seconds: 10,
  imagesPerSecond: 100,
});

describe('renderCurvesSvg', () => {
  it('draws a loss and an accuracy panel with one point per epoch for train and test', () => {
    const svg = renderCurvesSvg([epoch(1), epoch(2), epoch(3)], 'resnet20 <toy>');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    const lines = [...svg.matchAll(/<polyline points="([^"]+)"/g)].map((match) => match[1]!.split(' ').length);
    expect(lines).toEqual([3, 3, 3, 3]);
    expect(svg).toContain('resnet20 &lt;toy&gt;');
    for (const label of ['train loss', 'test loss', 'train acc', 'test acc']) expect(svg).toContain(label);
    expect(svg).not.toContain('NaN');
  });
});

describe('formatProgress', () => {
  it('shows epoch, bar, step, loss, accuracy, images/s and ETA', () => {
    const line = formatProgress({ epoch: 2, epochs: 10, step: 13, stepsPerEpoch: 26, loss: 1.73449, accuracy: 0.3621, imagesPerSecond: 411.6, etaSeconds: 65, lr: 0.1 }, 10);
    expect(line).toBe('epoch 2/10 [====>     ] 13/26 loss 1.734 acc 0.362 412 img/s ETA 1:05');
  });

  it('formats durations', () => {
    expect([formatDuration(5), formatDuration(3725), formatDuration(Number.NaN)]).toEqual(['0:05', '1:02:05', '?:??']);
  });
});
