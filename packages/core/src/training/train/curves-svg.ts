import { escapeXml as escape } from './escape-xml.js';
import type { EpochMetrics } from './fit.js';

interface Series {
  readonly name: string;
  readonly color: string;
  readonly dashed: boolean;
  /** `[position in epochs, value]`. */
  readonly points: ReadonlyArray<readonly [number, number]>;
  /** Draw a dot at each point (not for dense per-step series). */
  readonly dots: boolean;
  readonly thin?: boolean;
}

function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const nice = [1, 2, 2.5, 5, 10].map((step) => step * power).find((candidate) => candidate >= value);
  return nice ?? 10 * power; // 10 · 10^⌊log10 v⌋ > v always
}

/** Per-step points drawn as dots up to this many; a denser series is a line only. */
const maxStepDots = 200;

function panel(title: string, series: readonly Series[], x0: number, width: number, height: number, yMax: number, epochs: number): string {
  const left = x0 + 48;
  const top = 36;
  const plotWidth = width - 64;
  const plotHeight = height - 76;
  // x: position in epochs, from 0 (the start) to the last epoch's end.
  const sx = (position: number) => left + (position / epochs) * plotWidth;
  const sy = (value: number) => top + plotHeight - (Math.min(Math.max(value, 0), yMax) / yMax) * plotHeight;
  const parts = [`<text x="${left + plotWidth / 2}" y="20" text-anchor="middle" font-weight="bold">${escape(title)}</text>`];
  for (let tick = 0; tick <= 4; tick++) {
    const value = (yMax * tick) / 4;
    const y = sy(value);
    parts.push(`<line x1="${left}" x2="${left + plotWidth}" y1="${y}" y2="${y}" stroke="#ddd"/>`);
    parts.push(`<text x="${left - 6}" y="${y + 4}" text-anchor="end">${Number(value.toPrecision(3))}</text>`);
  }
  const ticks = Math.min(epochs, 10);
  for (let i = 0; i <= ticks; i++) {
    const epoch = Math.round((i * epochs) / ticks);
    parts.push(`<text x="${sx(epoch)}" y="${top + plotHeight + 16}" text-anchor="middle">${epoch}</text>`);
  }
  parts.push(`<text x="${left + plotWidth / 2}" y="${top + plotHeight + 34}" text-anchor="middle">epoch</text>`);
  parts.push(`<rect x="${left}" y="${top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#888"/>`);
  series.forEach((line, index) => {
    const path = line.points.map(([x, value]) => `${sx(x).toFixed(1)},${sy(value).toFixed(1)}`).join(' ');
    const dash = line.dashed ? ' stroke-dasharray="6 4"' : '';
    const stroke = line.thin === true ? '1' : '2';
    const opacity = line.thin === true ? ' stroke-opacity="0.5"' : '';
    parts.push(`<polyline points="${path}" fill="none" stroke="${line.color}" stroke-width="${stroke}"${opacity}${dash}/>`);
    if (line.dots) {
      for (const [x, value] of line.points) {
        parts.push(`<circle cx="${sx(x).toFixed(1)}" cy="${sy(value).toFixed(1)}" r="${line.thin === true ? 1.5 : 2.5}" fill="${line.color}"/>`);
      }
    }
    const ly = top + 14 + index * 16;
    parts.push(`<line x1="${left + plotWidth - 130}" x2="${left + plotWidth - 110}" y1="${ly - 4}" y2="${ly - 4}" stroke="${line.color}" stroke-width="${stroke}"${opacity}${dash}/>`);
    parts.push(`<text x="${left + plotWidth - 106}" y="${ly}">${escape(line.name)}</text>`);
  });
  return parts.join('\n');
}

/**
 * Draws the loss and accuracy curves of a run as a standalone SVG image (two panels over epochs,
 * train solid and test dashed, one point per epoch), with the training loss of every step as a
 * thin line under the loss panel's epoch points — so even a one-epoch run shows how the loss fell.
 *
 * @param history - the metrics of each epoch, oldest first (`stepLosses` where recorded).
 * @param title - a caption, e.g. `resnet20 on CIFAR-10`.
 * @returns the SVG document.
 * @example
 * await writeFile('runs/a/curves.svg', renderCurvesSvg(history, 'resnet20'));
 */
export function renderCurvesSvg(history: readonly EpochMetrics[], title: string): string {
  const width = 880;
  const height = 340;
  const epochs = Math.max(history.length === 0 ? 1 : Math.max(...history.map((m) => m.epoch)), 1);
  const steps = history.flatMap((m) => m.stepLosses ?? []);
  const losses = [...history.flatMap((m) => [m.trainLoss, m.testLoss]), ...steps.map(([, loss]) => loss)].filter(Number.isFinite);
  const loss: Series[] = [
    ...(steps.length === 0 ? [] : [{ name: 'train loss (steps)', color: '#7fb3d9', dashed: false, points: steps, dots: steps.length <= maxStepDots, thin: true }]),
    { name: 'train loss', color: '#1f77b4', dashed: false, points: history.map((m) => [m.epoch, m.trainLoss] as const), dots: true },
    { name: 'test loss', color: '#d62728', dashed: true, points: history.map((m) => [m.epoch, m.testLoss] as const), dots: true },
  ];
  const accuracy: Series[] = [
    { name: 'train acc', color: '#1f77b4', dashed: false, points: history.map((m) => [m.epoch, m.trainAccuracy] as const), dots: true },
    { name: 'test acc', color: '#d62728', dashed: true, points: history.map((m) => [m.epoch, m.testAccuracy] as const), dots: true },
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
