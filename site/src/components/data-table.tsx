import { formatNumber, type LocalizedText } from '@residual/lessons';
import type { Locale } from '@residual/lessons';
import { useRender } from '../lib/render-context.js';

function localized(text: LocalizedText, locale: Locale): string {
  return typeof text === 'string' ? text : text[locale];
}

/** `<DataTable id="family.table" />`: a table computed by an example's `numbers()`. */
export function DataTable({ id }: { id: string }) {
  const { data, ui, sourceLocale } = useRender();
  const table = data.numbers[id];
  if (table === undefined || typeof table !== 'object') throw new Error(`DataTable: id must name a table, but got "${id}".`);
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="data-table" data-table={id} title={ui.t('num.title', { file: data.numberSources[id] ?? '?' })}>
        <thead>
          <tr>
            {table.columns.map((column, index) => (
              <th key={index}>{localized(column, sourceLocale)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((cell, index) =>
                typeof cell === 'number' ? (
                  <td key={index} className="numeric">
                    {formatNumber(cell, table.digits?.[index])}
                  </td>
                ) : (
                  <td key={index}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
