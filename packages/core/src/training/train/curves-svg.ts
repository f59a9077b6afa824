import { escapeXml } from '../charts/escape-xml.js';
import { chartPalette, lineChartSvgContent, type SvgSeries } from '../charts/line-chart-svg.js';
import type { EpochMetrics } from './fit.js';

/**
 * Draws the loss and accuracy curves of a run as a standalone SVG image: two panels over epochs,
 * drawn by the site's chart renderer ({@link lineChartSvgContent}), train solid and test dashed, one
 * point per epoch, with the training loss of every step as a thin line under the loss panel's epoch
 * points — so even a one-epoch run shows how the loss fell.
 *
 * @param history - the metrics of each epoch, oldest first (`stepLosses` where recorded).
 * @param title - a caption, e.g. `resnet20 on CIFAR-10`.
 * @returns the SVG document.
 * @example
 * await writeFile('runs/a/curves.svg', renderCurvesSvg(history, 'resnet20'));
 */
export function renderCurvesSvg(history: readonly EpochMetrics[], title: string): string {
  const panel = { width: 440, height: 300 };
  const [train, test] = chartPalette;
  const steps = history.flatMap((metrics) => metrics.stepLosses ?? []);
  const perEpoch = (name: string, color: string, dashed: boolean, value: (metrics: EpochMetrics) => number): SvgSeries => ({
    name,
    color,
    dashed,
    points: history.map((metrics) => [metrics.epoch, value(metrics)] as const),
  });
  const loss: SvgSeries[] = [
    ...(steps.length === 0 ? [] : [{ name: 'train loss (steps)', color: train, thin: true, points: steps }]),
    perEpoch('train loss', train, false, (metrics) => metrics.trainLoss),
    perEpoch('test loss', test, true, (metrics) => metrics.testLoss),
  ];
  const accuracy = [perEpoch('train acc', train, false, (metrics) => metrics.trainAccuracy), perEpoch('test acc', test, true, (metrics) => metrics.testAccuracy)];
  const xRange = [0, Math.max(1, ...history.map((metrics) => metrics.epoch))] as const;
  const width = 2 * panel.width;
  const height = panel.height + 24;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(title)}</title>`,
    '<rect width="100%" height="100%" fill="white"/>',
    `<g>${lineChartSvgContent({ title: 'loss', x: 'epoch', y: 'loss', xRange, series: loss }, panel)}</g>`,
    `<g transform="translate(${panel.width} 0)">${lineChartSvgContent({ title: 'accuracy', x: 'epoch', y: 'accuracy', xRange, yRange: [0, 1], series: accuracy }, panel)}</g>`,
    `<text x="${width / 2}" y="${height - 8}" text-anchor="middle" fill="#555">${escapeXml(title)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
