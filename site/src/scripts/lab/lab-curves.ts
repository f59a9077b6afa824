// The lab's charts, drawn with uPlot as the points come: loss and accuracy (training smoothed per
// step, test per epoch) and lesson 2's gradient norms per block, both networks.
import { colors, element, kinds, state, t, type Kind } from './lab-page.js';

/** The curves' points: training (smoothed per step) and test (per epoch), for both networks. */
export function curveData() {
  const points = { loss: new Map<string, Array<[number, number]>>(), accuracy: new Map<string, Array<[number, number]>>() };
  const smooth: Record<Kind, { loss?: number; accuracy?: number }> = { residual: {}, plain: {} };
  const push = (measure: 'loss' | 'accuracy', series: string, point: [number, number]) => {
    const list = points[measure].get(series) ?? [];
    list.push(point);
    points[measure].set(series, list);
  };
  return {
    points,
    step(kind: Kind, x: number, loss: number, accuracy: number) {
      // An exponential moving average over about ten steps: one batch alone is noisy.
      const average = smooth[kind];
      average.loss = average.loss === undefined ? loss : 0.9 * average.loss + 0.1 * loss;
      average.accuracy = average.accuracy === undefined ? accuracy : 0.9 * average.accuracy + 0.1 * accuracy;
      push('loss', `${kind}Train`, [x, average.loss]);
      push('accuracy', `${kind}Train`, [x, average.accuracy]);
    },
    epoch(kind: Kind, epoch: number, loss: number, accuracy: number) {
      push('loss', `${kind}Test`, [epoch, loss]);
      push('accuracy', `${kind}Test`, [epoch, accuracy]);
    },
  };
}

const seriesOrder = ['residualTrain', 'residualTest', 'plainTrain', 'plainTest'] as const;

export function drawCurves(curves: ReturnType<typeof curveData>): void {
  void (async () => {
    const { lineChart } = await import('../line-chart.js');
    for (const measure of ['loss', 'accuracy'] as const) {
      const chart = {
        title: t(`lab.chart.${measure}`),
        x: t('lab.chart.epoch'),
        y: t(`lab.chart.${measure}`),
        series: seriesOrder.map((name) => ({ name: t(`lab.series.${name}`), points: curves.points[measure].get(name) ?? [] })),
      };
      const known = state.charts[measure];
      if (known !== undefined) known.update(chart);
      else {
        const place = element<HTMLElement>(`[data-lab-chart="${measure}"]`);
        state.charts[measure] = lineChart(place, chart, {
          logLabel: t('chart.log'),
          style: (_name, index) => ({ color: colors[index < 2 ? 'residual' : 'plain'], ...(index % 2 === 1 ? { dash: [6, 4] } : {}) }),
        });
      }
    }
  })();
}

const norms: Partial<Record<string, Array<[number, number]>>> = {};

/** Lesson 2's chart for the two networks: before training (dashed) and after the latest epoch. */
export function gradientChart(measured: { kind: Kind; epoch: number; norms: number[] }): void {
  const points = measured.norms.map((norm, index): [number, number] => [index + 1, norm]);
  if (measured.epoch === 0) norms[`${measured.kind}Start`] = points;
  else norms[`${measured.kind}Now`] = points;
  const epoch = measured.epoch;
  void (async () => {
    const { lineChart } = await import('../line-chart.js');
    const lines = kinds.flatMap((kind) => [
      { name: t(`lab.series.${kind}Start`), points: norms[`${kind}Start`] ?? [], style: { color: colors[kind], dash: [6, 4] } },
      ...(norms[`${kind}Now`] === undefined ? [] : [{ name: t(`lab.series.${kind}At`, { epoch }), points: norms[`${kind}Now`] ?? [], style: { color: colors[kind] } }]),
    ]);
    const chart = { title: t('lab.chart.gradients'), x: t('lab.chart.block'), y: t('lab.chart.norm'), log: true, series: lines.map(({ name, points }) => ({ name, points })) };
    const place = element<HTMLElement>('[data-lab-chart="gradients"]');
    state.charts['gradients']?.destroy();
    place.replaceChildren();
    state.charts['gradients'] = lineChart(place, chart, { logLabel: t('chart.log'), style: (_name, index) => lines[index]?.style ?? { color: '#000' } });
  })();
}

/** Removes every chart and forgets the gradient norms, for a new run. */
export function clearCharts(): void {
  for (const handle of Object.values(state.charts)) handle?.destroy();
  state.charts = {};
  for (const key of Object.keys(norms)) delete norms[key];
  for (const place of document.querySelectorAll<HTMLElement>('[data-lab-chart]')) place.replaceChildren();
}
