import type { EpochMetrics } from './fit.js';

interface Series {
  readonly name: string;
  readonly color: string;
  readonly dashed: boolean;
  readonly points: ReadonlyArray<readonly [number, number]>;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((step) => step * power).find((candidate) => candidate >= value) ?? value;
}

function panel(title: string, series: readonly Series[], x0: number, width: number, height: number, yMax: number, epochs: number): string {
  const left = x0 + 48;
  const top = 36;
  const plotWidth = width - 64;
  const plotHeight = height - 76;
  const sx = (epoch: number) => left + (epochs <= 1 ? plotWidth / 2 : ((epoch - 1) / (epochs - 1)) * plotWidth);
  const sy = (value: number) => top + plotHeight - (Math.min(Math.max(value, 0), yMax) / yMax) * plotHeight;
  const parts = [`<text x="${left + plotWidth / 2}" y="20" text-anchor="middle" font-weight="bold">${escape(title)}</text>`];
  for (let tick = 0; tick <= 4; tick++) {
    const value = (yMax * tick) / 4;
    const y = sy(value);
    parts.push(`<line x1="${left}" x2="${left + plotWidth}" y1="${y}" y2="${y}" stroke="#ddd"/>`);
    parts.push(`<text x="${left - 6}" y="${y + 4}" text-anchor="end">${Number(value.toPrecision(3))}</text>`);
  }
  const ticks = Math.min(epochs, 10);
  for (let i = 0; i < ticks; i++) {
    const epoch = ticks <= 1 ? 1 : Math.round(1 + (i * (epochs - 1)) / (ticks - 1));
    parts.push(`<text x="${sx(epoch)}" y="${top + plotHeight + 16}" text-anchor="middle">${epoch}</text>`);
  }
  parts.push(`<text x="${left + plotWidth / 2}" y="${top + plotHeight + 34}" text-anchor="middle">epoch</text>`);
  parts.push(`<rect x="${left}" y="${top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#888"/>`);
  series.forEach((line, index) => {
    const path = line.points.map(([epoch, value]) => `${sx(epoch).toFixed(1)},${sy(value).toFixed(1)}`).join(' ');
    const dash = line.dashed ? ' stroke-dasharray="6 4"' : '';
    parts.push(`<polyline points="${path}" fill="none" stroke="${line.color}" stroke-width="2"${dash}/>`);
    for (const [epoch, value] of line.points) {
      parts.push(`<circle cx="${sx(epoch).toFixed(1)}" cy="${sy(value).toFixed(1)}" r="2.5" fill="${line.color}"/>`);
    }
    const ly = top + 14 + index * 16;
    parts.push(`<line x1="${left + plotWidth - 110}" x2="${left + plotWidth - 90}" y1="${ly - 4}" y2="${ly - 4}" stroke="${line.color}" stroke-width="2"${dash}/>`);
    parts.push(`<text x="${left + plotWidth - 86}" y="${ly}">${escape(line.name)}</text>`);
  });
  return parts.join('\n');
}

/**
 * Draws the loss and accuracy curves of a run as a standalone SVG image (two panels, train solid
 * and test dashed, per epoch) — the plots the seeds made with matplotlib.
 *
 * @param history - the metrics of each epoch, oldest first.
 * @param title - a caption, e.g. `resnet20 on CIFAR-10`.
 * @returns the SVG document.
 * @example
 * await writeFile('runs/a/curves.svg', renderCurvesSvg(history, 'resnet20'));
 */
export function renderCurvesSvg(history: readonly EpochMetrics[], title: string): string {
  const width = 880;
  const height = 340;
  const epochs = Math.max(history.length === 0 ? 1 : Math.max(...history.map((m) => m.epoch)), 1);
  const losses = history.flatMap((m) => [m.trainLoss, m.testLoss]).filter(Number.isFinite);
  const loss: Series[] = [
    { name: 'train loss', color: '#1f77b4', dashed: false, points: history.map((m) => [m.epoch, m.trainLoss]) },
    { name: 'test loss', color: '#d62728', dashed: true, points: history.map((m) => [m.epoch, m.testLoss]) },
  ];
  const accuracy: Series[] = [
    { name: 'train acc', color: '#1f77b4', dashed: false, points: history.map((m) => [m.epoch, m.trainAccuracy]) },
    { name: 'test acc', color: '#d62728', dashed: true, points: history.map((m) => [m.epoch, m.testAccuracy]) },
  ];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + 24}" viewBox="0 0 ${width} ${height + 24}" font-family="sans-serif" font-size="11">`,
    `<title>${escape(title)}</title>`,
    '<rect width="100%" height="100%" fill="white"/>',
    panel('loss', loss, 0, width / 2, height, niceMax(losses.length === 0 ? 1 : Math.max(...losses)), epochs),
    panel('accuracy', accuracy, width / 2, width / 2, height, 1, epochs),
    `<text x="${width / 2}" y="${height + 14}" text-anchor="middle" fill="#555">${escape(title)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
