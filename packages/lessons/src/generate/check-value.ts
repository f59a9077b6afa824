import type { LessonValue } from '../lesson-data-types.js';

/**
 * Checks one value a `numbers()` returned: a finite number, a string, or a table whose rows all
 * have one cell per column. Returns the problem, or `undefined` when the value is fine.
 *
 * @param id - the value's id, for the message.
 * @param value - what `numbers()` returned under that id.
 * @example
 * checkLessonValue('x', NaN); // 'x must be a finite number, a string or a table, but got NaN'
 */
export function checkLessonValue(id: string, value: unknown): string | undefined {
  if (typeof value === 'string') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${id} must be a finite number, a string or a table, but got ${value}`;
  if (typeof value !== 'object' || value === null || !('columns' in value) || !('rows' in value)) {
    return `${id} must be a finite number, a string or a table ({ columns, rows }), but got ${describe(value)}`;
  }
  const table = value as { columns: unknown; rows: unknown };
  if (!Array.isArray(table.columns) || !Array.isArray(table.rows)) return `${id} must have array columns and rows, but got ${describe(value)}`;
  for (const [index, row] of (table.rows as unknown[]).entries()) {
    if (!Array.isArray(row) || row.length !== table.columns.length) {
      return `${id} row ${index} must have ${table.columns.length} cells (one per column), but got ${describe(row)}`;
    }
    const bad = (row as unknown[]).find((cell) => !(typeof cell === 'string' || (typeof cell === 'number' && Number.isFinite(cell))));
    if (bad !== undefined) return `${id} row ${index} cells must be strings or finite numbers, but got ${describe(bad)}`;
  }
  return undefined;
}

/** Narrowing form of {@link checkLessonValue}. */
export function isLessonValue(value: unknown): value is LessonValue {
  return checkLessonValue('value', value) === undefined;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
