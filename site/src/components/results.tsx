import { renderLineChartSvg, type SvgSeries } from '@residual/core/training';
import { formatNumber } from '@residual/lessons';
import { provenanceFields, type RecordedRun, type UiStrings } from '@residual/lessons/node';
import { useRender } from '../lib/render-context.js';
import '../styles/results.css';

/** A field's header: `results.field.<field>` in the page's language, the field's own name when there is none. */
function fieldLabel(ui: UiStrings, field: string): string {
  return ui.strings[`results.field.${field}`] ?? field;
}

/** Series of one measurement per model and split: residual and plain twins in one colour family, test dashed. */
function curves(runs: readonly RecordedRun[], ui: UiStrings, measure: 'Accuracy' | 'Loss'): SvgSeries[] {
  const models = [...new Set(runs.map((run) => String(run['model'])))];
  const plain = models.filter((model) => /plain/i.test(model));
  const residual = models.filter((model) => !/plain/i.test(model));
  const colorOf = (model: string) =>
    plain.includes(model) ? (plainColors[plain.indexOf(model) % plainColors.length] ?? '#dc2626') : (residualColors[residual.indexOf(model) % residualColors.length] ?? '#2563eb');
  return models.flatMap((model) =>
    (['train', 'test'] as const).flatMap((split) => {
      const points = runs
        .filter((run) => run['model'] === model && typeof run['epoch'] === 'number' && typeof run[`${split}${measure}`] === 'number')
        .map((run): [number, number] => [run['epoch'] as number, run[`${split}${measure}`] as number]);
      const color = colorOf(model);
      return points.length === 0 ? [] : [{ name: `${model} · ${ui.t(`results.split.${split}`)}`, points, color, dashed: split === 'test' }];
    }),
  );
}

/** Plain models in reds, residual ones in blues (deeper ones lighter), so twin pairs read at a glance. */
const plainColors = ['#dc2626', '#f59e0b', '#a21caf'];
const residualColors = ['#2563eb', '#06b6d4', '#059669'];

/** The recorded runs as curves (accuracy and loss per epoch), when the runs have epochs. */
function ResultCharts({ runs, ui }: { runs: readonly RecordedRun[]; ui: UiStrings }) {
  if (!runs.some((run) => typeof run['epoch'] === 'number' && typeof run['model'] === 'string')) return null;
  const sorted = [...runs].sort((a, b) => String(a['model']).localeCompare(String(b['model'])));
  const charts = [
    { title: ui.t('results.chart.accuracy'), y: fieldLabel(ui, 'accuracy'), series: curves(sorted, ui, 'Accuracy'), yRange: [0, 1] as const },
    { title: ui.t('results.chart.loss'), y: fieldLabel(ui, 'loss'), series: curves(sorted, ui, 'Loss') },
  ].filter((chart) => chart.series.length > 0);
  return (
    <div className="results-charts">
      {charts.map((chart) => (
        <div key={chart.title} className="chart" dangerouslySetInnerHTML={{ __html: renderLineChartSvg({ ...chart, x: fieldLabel(ui, 'epoch') }, { width: 440, height: 320 }) }} />
      ))}
      <p className="results-charts-note">{ui.t('results.chartsNote')}</p>
    </div>
  );
}

function measurementFields(runs: readonly RecordedRun[]): string[] {
  const fields: string[] = [];
  for (const run of runs) {
    for (const [field, value] of Object.entries(run)) {
      const scalar = typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean';
      if (scalar && !(provenanceFields as readonly string[]).includes(field) && !fields.includes(field)) fields.push(field);
    }
  }
  return fields;
}

function cell(value: unknown, key: string) {
  if (typeof value === 'number') return <td key={key} className="numeric">{formatNumber(value)}</td>;
  return <td key={key}>{value === undefined ? '—' : String(value)}</td>;
}

/** `<Results id="ablation-resnet18" />`: recorded runs with provenance, or "not yet measured". */
export function Results({ id }: { id: string }) {
  const { ui, results } = useRender();
  const recorded = results.get(id);
  if (recorded === undefined || recorded.runs.length === 0) {
    return (
      <p className="results not-measured" data-results={id} data-measured="false">
        {ui.t('results.notMeasured')}
      </p>
    );
  }
  const fields = measurementFields(recorded.runs);
  return (
    <figure className="results" data-results={id} data-measured="true">
      <ResultCharts runs={recorded.runs} ui={ui} />
      <div className="table-wrap" tabIndex={0}>
        <table className="data-table">
          <thead>
            <tr>
              {fields.map((field) => (
                <th key={field} scope="col">
                  {fieldLabel(ui, field)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {recorded.runs.map((run, index) => (
              <tr key={index}>{fields.map((field) => cell(run[field], field))}</tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="provenance">
        <summary>{ui.t('results.source', { file: recorded.file.replace(/^results\//, '') })}</summary>
        <div className="table-wrap" tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th>#</th>
                {provenanceFields.map((field) => (
                  <th key={field}>{ui.t(`results.${field}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {recorded.runs.map((run, index) => (
                <tr key={index}>
                  <td className="numeric">{index + 1}</td>
                  {provenanceFields.map((field) => (
                    <td key={field}>{field === 'command' ? <code>{run[field]}</code> : run[field]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
