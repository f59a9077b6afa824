import { describe, expect, it } from 'vitest';
import { renderCurvesSvg } from './curves-svg.js';
import type { EpochMetrics } from './fit.js';
import { formatDuration, formatMetric, formatProgress } from './format-progress.js';

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
    const lines = [...svg.matchAll(/<polyline [^>]*points="([^"]+)"/g)].map((match) => match[1]!.split(' ').length);
    expect(lines).toEqual([3, 3, 3, 3]);
    expect(svg).toContain('resnet20 &lt;toy&gt;');
    for (const label of ['train loss', 'test loss', 'train acc', 'test acc']) expect(svg).toContain(label);
    expect(svg).not.toContain('NaN');
  });

  it('plots the training loss of each step, so a one-epoch run is more than two dots', () => {
    const one: EpochMetrics = { ...epoch(1), stepLosses: Array.from({ length: 8 }, (_, i) => [(i + 1) / 8, 2.3 - i * 0.1] as const) };
    const svg = renderCurvesSvg([one], 'resnet20');
    const series = [...svg.matchAll(/<polyline [^>]*points="([^"]+)"/g)].map((match) => match[1]!.split(' ').length);
    expect(series).toEqual([8, 1, 1, 1, 1]); // steps, then train and test loss, train and test accuracy
    expect(svg).toContain('train loss (steps)');
    expect([...svg.matchAll(/<circle /g)].length).toBe(8 + 4);
    expect(svg).toContain('stroke-width="1" stroke-opacity="0.5"'); // the steps: thin, under the epoch points
  });

  it('draws both panels with the chart renderer the site uses, on one epoch axis from 0', () => {
    const svg = renderCurvesSvg([epoch(1), epoch(2)], 'resnet20');
    expect(svg.match(/class="chart-title"/g)).toHaveLength(2);
    const xZero = /<text class="tick" x="[\d.]+" y="[\d.]+" text-anchor="middle" fill="#59636e">0<\/text>/g;
    expect(svg.match(xZero)).toHaveLength(2);
  });
});

describe('formatProgress', () => {
  it('shows epoch, bar, step, loss, accuracy, images/s and ETA', () => {
    const line = formatProgress({ epoch: 2, epochs: 10, step: 13, stepsPerEpoch: 26, loss: 1.73449, accuracy: 0.3621, imagesPerSecond: 411.6, etaSeconds: 65, lr: 0.1 }, 10);
    expect(line).toBe('epoch 2/10 [====>     ] 13/26 loss 1.734 acc 0.362 412 img/s ETA 1:05');
  });

  it('fits the terminal by narrowing the bar and dropping whole fields, never cutting the ETA', () => {
    const progress = { epoch: 12, epochs: 200, step: 130, stepsPerEpoch: 391, loss: 1.73449, accuracy: 0.3621, imagesPerSecond: 411.6, etaSeconds: 125, lr: 0.1 };
    const full = formatProgress(progress);
    expect(full).toBe('epoch 12/200 [=======>                ] 130/391 loss 1.734 acc 0.362 412 img/s ETA 2:05');
    expect(full.length).toBeGreaterThan(79); // what an 80-column terminal cut to "ETA 2:0"
    const lines = [79, 70, 60, 45, 30, 20].map((width) => formatProgress(progress, 24, width));
    expect(lines).toEqual([
      'epoch 12/200 [====>           ] 130/391 loss 1.734 acc 0.362 412 img/s ETA 2:05', // the bar narrowed to 16
      'epoch 12/200 130/391 loss 1.734 acc 0.362 412 img/s ETA 2:05', // even an 8-wide bar would not fit
      'epoch 12/200 130/391 loss 1.734 acc 0.362 412 img/s ETA 2:05',
      'epoch 12/200 130/391 loss 1.734 ETA 2:05',
      'epoch 12/200 130/391 ETA 2:05',
      'epoch 12/200 130/391 ETA 2:05',
    ]);
    lines.slice(0, 5).forEach((line, i) => expect(line.length).toBeLessThanOrEqual([79, 70, 60, 45, 30][i]!));
  });

  it('shows a diverging loss in exponent form', () => {
    expect([formatMetric(1.23456), formatMetric(89227395818586112), formatMetric(Number.NaN)]).toEqual(['1.235', '8.92e+16', 'NaN']);
  });

  it('formats durations', () => {
    expect([formatDuration(5), formatDuration(3725), formatDuration(Number.NaN)]).toEqual(['0:05', '1:02:05', '?:??']);
  });
});
