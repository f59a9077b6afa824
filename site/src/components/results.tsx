import { formatNumber } from '@residual/lessons';
import { provenanceFields, type RecordedRun } from '@residual/lessons/node';
import { useRender } from '../lib/render-context.js';

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

function cell(value: unknown) {
  if (typeof value === 'number') return <td className="numeric">{formatNumber(value)}</td>;
  return <td>{value === undefined ? '—' : String(value)}</td>;
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
      <div className="table-wrap" tabIndex={0}>
        <table className="data-table">
          <thead>
            <tr>
              {fields.map((field) => (
                <th key={field}>{ui.strings[`results.field.${field}`] ?? field}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {recorded.runs.map((run, index) => (
              <tr key={index}>{fields.map((field) => cell(run[field]))}</tr>
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
