// Interactive line charts of the live examples and the lab, drawn by uPlot (a small, maintained
// charting library: canvas, a cursor that reads the values off, log scales, live updates).
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { LiveChart } from '@residual/lessons';
import { logAxisValue } from './log-axis-value.js';

/** Colours of the series, in order (the same as the static charts of recorded runs). */
export const palette = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#0891b2'];

/** How one series is drawn. */
export interface SeriesStyle {
  color: string;
  dash?: number[];
}

/** Options of {@link lineChart}. */
export interface LineChartOptions {
  /** The words for "log scale" in the page's language. */
  logLabel: string;
  /** A series' style; default the palette in order, solid. */
  style?: (name: string, index: number) => SeriesStyle;
  /** Height of the plot in CSS pixels; default 260. */
  height?: number;
}

/** A drawn chart: give it new points as they come, or remove it. */
export interface LineChartHandle {
  update(chart: LiveChart): void;
  destroy(): void;
}

/** The series of a chart on one shared, sorted x axis (uPlot's aligned data); gaps are null. */
export function alignSeries(chart: LiveChart): uPlot.AlignedData {
  const log = chart.log === true;
  const xs = [...new Set(chart.series.flatMap((line) => line.points.map(([x]) => x)))].filter(Number.isFinite).sort((a, b) => a - b);
  const columns = chart.series.map((line) => {
    const byX = new Map(line.points.map(([x, y]) => [x, y]));
    return xs.map((x) => {
      const y = byX.get(x);
      return y === undefined || !Number.isFinite(y) || (log && y <= 0) ? null : y;
    });
  });
  return [xs, ...columns];
}

/** The labels of a log axis's ticks; uPlot passes a tick it leaves unlabelled (too crowded) as null. */
const logTicks = (_plot: uPlot, ticks: Array<number | null>): string[] => ticks.map((tick) => (tick === null ? '' : logAxisValue(tick)));

/**
 * Draws a chart (a live example's, or the lab's curves) into `container` and keeps it as wide as
 * its container. The container gets `role="img"` and the title as its label; the legend under the
 * plot names each series and shows the values under the cursor.
 *
 * @param container - an empty element.
 * @param chart - title, axis labels, series of `[x, y]` points.
 * @param options - the log-scale words, series styles, height.
 * @example
 * const handle = lineChart(element, { title: 'loss', x: 'step', y: 'loss', series: [{ name: 'plain', points: [[1, 2.3], [2, 2.1]] }] }, { logLabel: 'log scale' });
 * handle.update(nextChart);
 */
export function lineChart(container: HTMLElement, chart: LiveChart, options: LineChartOptions): LineChartHandle {
  const log = chart.log === true;
  const title = `${chart.title}${log ? ` (${options.logLabel})` : ''}`;
  const style = options.style ?? ((_name: string, index: number): SeriesStyle => ({ color: palette[index % palette.length] ?? '#000' }));
  // Axes and grid are drawn on the canvas: take the page's colours (light or dark) from its CSS.
  const css = getComputedStyle(container);
  const ink = css.getPropertyValue('--muted').trim() || '#59636e';
  const grid = { stroke: css.getPropertyValue('--line').trim() || '#d1d9e0', width: 1 };
  const axis = { stroke: ink, grid, ticks: grid };
  container.classList.add('line-chart');
  container.setAttribute('role', 'figure');
  container.setAttribute('aria-label', title);
  const width = () => Math.max(280, Math.floor(container.clientWidth || 560));
  const plot = new uPlot(
    {
      title,
      width: width(),
      height: options.height ?? 260,
      scales: { x: { time: false }, y: log ? { distr: 3 } : {} },
      axes: [
        { ...axis, label: chart.x },
        { ...axis, label: chart.y, size: 60, ...(log ? { values: logTicks } : {}) },
      ],
      series: [
        { label: chart.x },
        ...chart.series.map((line, index) => {
          const { color, dash } = style(line.name, index);
          const value = log ? { value: (_plot: uPlot, y: number | null | undefined) => (y === null || y === undefined ? '--' : logAxisValue(y, 3)) } : {};
          return { label: line.name, stroke: color, width: 2, spanGaps: true, points: { show: line.points.length <= 40, size: 5, fill: color }, ...value, ...(dash === undefined ? {} : { dash }) };
        }),
      ],
      cursor: { drag: { x: false, y: false } },
    },
    alignSeries(chart),
    container,
  );
  const resize = new ResizeObserver(() => plot.setSize({ width: width(), height: options.height ?? 260 }));
  resize.observe(container);
  return {
    update(next) {
      plot.setData(alignSeries(next));
    },
    destroy() {
      resize.disconnect();
      plot.destroy();
    },
  };
}
