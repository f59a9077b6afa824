import type { LiveChart } from '@residual/lessons';

const palette = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#0891b2'];
const size = { width: 560, height: 300, left: 64, right: 16, top: 32, bottom: 44 };

/**
 * Draws a live example's chart as an SVG line chart (our own few lines instead of a charting
 * library): linear x, linear or log10 y, ticks, axis labels, a legend.
 *
 * @param chart - a chart from a `LiveResult`; points are `[x, y]`.
 * @param logLabel - the words for "log scale" in the page's language.
 * @example
 * element.innerHTML = lineChart({ title: 'loss', x: 'step', y: 'loss', series: [{ name: 'plain', points: [[0, 2.3], [1, 2.1]] }] });
 */
export function lineChart(chart: LiveChart, logLabel = 'log scale'): string {
  const log = chart.log === true;
  const series = chart.series.map((line) => ({ ...line, points: line.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!log || y > 0)) }));
  const points = series.flatMap((line) => line.points);
  const plot = { x0: size.left, x1: size.width - size.right, y0: size.height - size.bottom, y1: size.top };
  const parts: string[] = [];
  const title = `${chart.title}${log ? ` (${logLabel})` : ''}`;
  parts.push(`<text class="chart-title" x="${size.left}" y="18">${escape(title)}</text>`);
  if (points.length > 0) {
    const [xMin, xMax] = extent(points.map(([x]) => x));
    const ys = points.map(([, y]) => (log ? Math.log10(y) : y));
    let [yMin, yMax] = extent(ys);
    if (log) [yMin, yMax] = [Math.floor(yMin), Math.ceil(yMax)];
    else [yMin, yMax] = [yMin - (yMax - yMin) * 0.05, yMax + (yMax - yMin) * 0.05]; // keep lines off the frame
    const sx = (x: number) => plot.x0 + ((x - xMin) / (xMax - xMin || 1)) * (plot.x1 - plot.x0);
    const sy = (y: number) => plot.y0 - (((log ? Math.log10(y) : y) - yMin) / (yMax - yMin || 1)) * (plot.y0 - plot.y1);
    const yTicks = log ? range(yMin, yMax).map((power) => 10 ** power) : niceTicks(yMin, yMax);
    for (const tick of yTicks) {
      const y = sy(tick).toFixed(1);
      parts.push(`<line class="grid" x1="${plot.x0}" x2="${plot.x1}" y1="${y}" y2="${y}"/>`);
      parts.push(`<text class="tick" x="${plot.x0 - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${escape(tickLabel(tick, log))}</text>`);
    }
    for (const tick of niceTicks(xMin, xMax)) {
      const x = sx(tick).toFixed(1);
      parts.push(`<text class="tick" x="${x}" y="${plot.y0 + 16}" text-anchor="middle">${escape(tickLabel(tick, false))}</text>`);
    }
    series.forEach((line, index) => {
      const color = palette[index % palette.length] ?? '#000';
      const path = line.points.map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ');
      parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${path}"><title>${escape(line.name)}</title></polyline>`);
      if (line.points.length <= 40) {
        for (const [x, y] of line.points) parts.push(`<circle cx="${sx(x).toFixed(1)}" cy="${sy(y).toFixed(1)}" r="2.5" fill="${color}"/>`);
      }
    });
  }
  parts.push(`<line class="axis" x1="${plot.x0}" x2="${plot.x1}" y1="${plot.y0}" y2="${plot.y0}"/>`);
  parts.push(`<line class="axis" x1="${plot.x0}" x2="${plot.x0}" y1="${plot.y0}" y2="${plot.y1}"/>`);
  parts.push(`<text class="axis-label" x="${(plot.x0 + plot.x1) / 2}" y="${size.height - 6}" text-anchor="middle">${escape(chart.x)}</text>`);
  parts.push(`<text class="axis-label" transform="translate(14 ${(plot.y0 + plot.y1) / 2}) rotate(-90)" text-anchor="middle">${escape(chart.y)}</text>`);
  const legend = series
    .map((line, index) => `<span class="legend-item"><span class="swatch" style="background:${palette[index % palette.length]}"></span>${escape(line.name)}</span>`)
    .join('');
  return (
    `<figure class="chart"><svg viewBox="0 0 ${size.width} ${size.height}" role="img" aria-label="${escape(title)}">${parts.join('')}</svg>` +
    `<figcaption class="legend">${legend}</figcaption></figure>`
  );
}

function extent(values: number[]): [number, number] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  return min === max ? [min - 1, max + 1] : [min, max];
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) + 1 }, (_, index) => from + index);
}

/** About five round tick values covering [min, max]. */
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

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
