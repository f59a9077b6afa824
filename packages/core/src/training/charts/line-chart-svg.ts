import { escapeXml } from './escape-xml.js';

/** One line of a chart: points are `[x, y]`; colour, dashes and a thin stroke are optional. */
export interface SvgSeries {
  readonly name: string;
  readonly points: ReadonlyArray<readonly [number, number]>;
  /** A CSS colour; default the palette in order. */
  readonly color?: string;
  readonly dashed?: boolean;
  /** A dense background series (e.g. the loss of every step): 1 px, half opacity, small dots. */
  readonly thin?: boolean;
}

/** A chart: a title, axis labels, linear or log10 y, and its series. */
export interface SvgChart {
  readonly title: string;
  readonly x: string;
  readonly y: string;
  readonly log?: boolean;
  /** Fixed x range (e.g. `[0, epochs]`, the same for charts side by side); default the data's range. */
  readonly xRange?: readonly [number, number];
  /** Fixed y range (e.g. `[0, 1]` for accuracies); default the data's range. */
  readonly yRange?: readonly [number, number];
  readonly series: readonly SvgSeries[];
}

/** Options of {@link renderLineChartSvg} and {@link lineChartSvgContent}. */
export interface SvgChartOptions {
  /** The words for "log scale" (the page's language); default `'log scale'`. */
  readonly logLabel?: string;
  /** Width and height of the drawing; default 560 × 300 (the legend takes 3 entries a row, 2 below 520). */
  readonly width?: number;
  readonly height?: number;
  /** A standalone SVG document (`xmlns`, white background) instead of an inline element. */
  readonly standalone?: boolean;
}

/** Colours of the series, in order. */
export const chartPalette = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#0891b2'] as const;

const margin = { left: 64, right: 16, top: 32, bottom: 44 };

/**
 * Draws a line chart as SVG text: linear x, linear or log10 y, grid, ticks, axis labels, and a
 * legend of the series (solid or dashed). Every element carries a class (`chart-title`, `grid`,
 * `axis`, `tick`, `axis-label`, `legend`) and inline default colours, so the same drawing works as
 * a standalone file (the CLI's `curves.svg`) and inside a page that restyles it.
 *
 * @param chart - title, axis labels and the series' `[x, y]` points.
 * @param options - log-scale words, size, standalone document or inline element.
 * @returns the SVG text.
 * @example
 * renderLineChartSvg({ title: 'loss', x: 'epoch', y: 'loss', series: [{ name: 'train', points: [[1, 2.3], [2, 2.1]] }] });
 */
export function renderLineChartSvg(chart: SvgChart, options: SvgChartOptions = {}): string {
  const width = options.width ?? 560;
  const height = options.height ?? 300;
  const title = chartTitle(chart, options);
  const open = options.standalone === true
    ? `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11"><rect width="100%" height="100%" fill="white"/>`
    : `<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}" font-size="12">`;
  return `${open}<title>${escapeXml(title)}</title>${lineChartSvgContent(chart, options)}</svg>`;
}

function chartTitle(chart: SvgChart, options: SvgChartOptions): string {
  return `${chart.title}${chart.log === true ? ` (${options.logLabel ?? 'log scale'})` : ''}`;
}

/**
 * The drawing of {@link renderLineChartSvg} without its `<svg>` element, in a box of
 * `options.width` × `options.height` from (0, 0): for a figure that places several charts side by
 * side (each in a `<g transform="translate(…)">`), such as the CLI's `curves.svg`.
 *
 * @param chart - title, axis labels and the series' `[x, y]` points.
 * @param options - log-scale words and size (`standalone` is not used here).
 * @returns SVG elements as text.
 * @example
 * `<g transform="translate(440 0)">${lineChartSvgContent(accuracyChart, { width: 440 })}</g>`;
 */
export function lineChartSvgContent(chart: SvgChart, options: SvgChartOptions = {}): string {
  const width = options.width ?? 560;
  const height = options.height ?? 300;
  const log = chart.log === true;
  const series = chart.series.map((line, index) => ({
    ...line,
    color: line.color ?? chartPalette[index % chartPalette.length] ?? '#000',
    points: line.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!log || y > 0)),
  }));
  const points = series.flatMap((line) => line.points);
  const columns = width >= 520 ? 3 : 2; // legend entries per row
  const legendRows = Math.ceil(series.length / columns);
  const plot = { x0: margin.left, x1: width - margin.right, y0: height - margin.bottom, y1: margin.top + legendRows * 16 };
  const title = chartTitle(chart, options);
  const parts: string[] = [`<text class="chart-title" x="${margin.left}" y="18" font-weight="600" fill="#1f2328">${escapeXml(title)}</text>`];
  series.forEach((line, index) => {
    const x = margin.left + (index % columns) * ((plot.x1 - plot.x0) / columns);
    const y = 36 + Math.floor(index / columns) * 16;
    parts.push(`<line class="legend-line" x1="${x}" x2="${x + 22}" y1="${y - 4}" y2="${y - 4}" stroke="${line.color}"${stroke(line)}/>`);
    parts.push(`<text class="legend" x="${x + 28}" y="${y}" fill="#1f2328">${escapeXml(line.name)}</text>`);
  });
  if (points.length > 0) {
    const [xMin, xMax] = chart.xRange ?? extent(points.map(([x]) => x));
    let [yMin, yMax] = chart.yRange ?? extent(points.map(([, y]) => (log ? Math.log10(y) : y)));
    if (log) [yMin, yMax] = [Math.floor(yMin), Math.ceil(yMax)];
    else if (chart.yRange === undefined) [yMin, yMax] = [yMin - (yMax - yMin) * 0.05, yMax + (yMax - yMin) * 0.05]; // keep lines off the frame
    const sx = (x: number) => plot.x0 + ((x - xMin) / (xMax - xMin || 1)) * (plot.x1 - plot.x0);
    const sy = (y: number) => plot.y0 - (((log ? Math.log10(y) : y) - yMin) / (yMax - yMin || 1)) * (plot.y0 - plot.y1);
    const yTicks = log ? range(yMin, yMax).map((power) => 10 ** power) : niceTicks(yMin, yMax);
    for (const tick of yTicks) {
      const y = sy(tick).toFixed(1);
      parts.push(`<line class="grid" x1="${plot.x0}" x2="${plot.x1}" y1="${y}" y2="${y}" stroke="#d1d9e0"/>`);
      parts.push(`<text class="tick" x="${plot.x0 - 6}" y="${y}" text-anchor="end" dominant-baseline="middle" fill="#59636e">${escapeXml(tickLabel(tick, log))}</text>`);
    }
    for (const tick of niceTicks(xMin, xMax)) {
      const x = sx(tick).toFixed(1);
      parts.push(`<text class="tick" x="${x}" y="${plot.y0 + 16}" text-anchor="middle" fill="#59636e">${escapeXml(tickLabel(tick, false))}</text>`);
    }
    for (const line of series) {
      const path = line.points.map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ');
      parts.push(`<polyline fill="none" stroke="${line.color}"${stroke(line)} points="${path}"><title>${escapeXml(line.name)}</title></polyline>`);
      const thin = line.thin === true;
      if (line.points.length <= (thin ? maxThinDots : maxDots)) {
        for (const [x, y] of line.points) parts.push(`<circle cx="${sx(x).toFixed(1)}" cy="${sy(y).toFixed(1)}" r="${thin ? 1.5 : 2.5}" fill="${line.color}"${thin ? ' fill-opacity="0.5"' : ''}/>`);
      }
    }
  }
  parts.push(`<line class="axis" x1="${plot.x0}" x2="${plot.x1}" y1="${plot.y0}" y2="${plot.y0}" stroke="#59636e"/>`);
  parts.push(`<line class="axis" x1="${plot.x0}" x2="${plot.x0}" y1="${plot.y0}" y2="${plot.y1}" stroke="#59636e"/>`);
  parts.push(`<text class="axis-label" x="${(plot.x0 + plot.x1) / 2}" y="${height - 6}" text-anchor="middle" fill="#1f2328">${escapeXml(chart.x)}</text>`);
  parts.push(`<text class="axis-label" transform="translate(14 ${(plot.y0 + plot.y1) / 2}) rotate(-90)" text-anchor="middle" fill="#1f2328">${escapeXml(chart.y)}</text>`);
  return parts.join('');
}

/** Series with at most this many points get a dot at each (a thin series: {@link maxThinDots}). */
const maxDots = 40;
const maxThinDots = 200;

/** A series' stroke attributes: width, opacity, dashes. */
function stroke(line: SvgSeries): string {
  const width = line.thin === true ? ' stroke-width="1" stroke-opacity="0.5"' : ' stroke-width="2"';
  return `${width}${line.dashed === true ? ' stroke-dasharray="6 4"' : ''}`;
}

function extent(values: number[]): [number, number] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  return min === max ? [min - 1, max + 1] : [min, max];
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) + 1 }, (_, index) => from + index);
}

/**
 * About `count` round tick values covering [min, max] (steps of 1, 2 or 5 times a power of ten).
 *
 * @example
 * niceTicks(0, 1); // [0, 0.2, 0.4, 0.6, 0.8, 1]
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const span = max - min;
  const step0 = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(step0));
  const step = ([1, 2, 5, 10].find((factor) => factor * magnitude >= step0) ?? 10) * magnitude;
  const ticks: number[] = [];
  for (let tick = Math.ceil(min / step) * step; tick <= max + step * 1e-9; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return ticks;
}

function tickLabel(value: number, log: boolean): string {
  if (log) return value >= 1e-3 && value <= 1e4 ? String(value) : `1e${Math.round(Math.log10(value))}`;
  return Math.abs(value) >= 1e5 || (value !== 0 && Math.abs(value) < 1e-3) ? value.toExponential(0) : String(Number(value.toPrecision(6)));
}
