/** One class's share of an evaluation. */
export interface ClassAccuracy {
  readonly className: string;
  /** Correct / images of this class, or `null` when the split has none. */
  readonly accuracy: number | null;
  readonly count: number;
}

/**
 * Per-class accuracy from a confusion matrix (rows: true class, columns: predicted class).
 *
 * @param confusion - `[K][K]` counts, as `evaluate` returns.
 * @param classNames - the K names.
 * @returns one entry per class.
 * @throws Error when the matrix is not K×K for the K names.
 * @example
 * perClassAccuracy([[3, 1], [0, 4]], ['cat', 'dog']); // [{ className: 'cat', accuracy: 0.75, count: 4 }, …]
 */
export function perClassAccuracy(confusion: readonly (readonly number[])[], classNames: readonly string[]): ClassAccuracy[] {
  if (classNames.length !== confusion.length || confusion.some((row) => row.length !== confusion.length)) {
    throw new Error(
      `perClassAccuracy: the confusion matrix must be K×K with one class name per row, but got ${confusion.length} rows of ` +
        `${confusion.map((row) => row.length).join(', ')} and ${classNames.length} names. Pass evaluate's confusion with the model's class names.`,
    );
  }
  return confusion.map((row, label) => {
    const count = row.reduce((sum, value) => sum + value, 0);
    return { className: classNames[label] as string, accuracy: count === 0 ? null : (row[label] as number) / count, count };
  });
}

/**
 * The per-class table and the confusion matrix as text, one row per class.
 *
 * @param confusion - `[K][K]` counts (rows: true class, columns: predicted class).
 * @param classNames - the K names.
 * @returns the lines to print.
 * @example
 * formatConfusion([[3, 1], [0, 4]], ['cat', 'dog']).join('\n');
 */
export function formatConfusion(confusion: readonly (readonly number[])[], classNames: readonly string[]): string[] {
  const classes = perClassAccuracy(confusion, classNames);
  const index = String(classes.length - 1).length;
  const name = Math.max(...classes.map((entry) => entry.className.length), 5);
  const label = (row: number) => `${String(row).padStart(index)} ${(classes[row] as ClassAccuracy).className.padEnd(name)}`;
  const cell = Math.max(...confusion.flat().map((value) => String(value).length), String(classes.length - 1).length) + 2;
  return [
    `${' '.repeat(index)} ${'class'.padEnd(name)}  accuracy  images`,
    ...classes.map(
      (entry, row) =>
        `${label(row)}  ${(entry.accuracy === null ? 'n/a' : `${(entry.accuracy * 100).toFixed(2)} %`).padStart(8)}  ${String(entry.count).padStart(6)}`,
    ),
    'confusion matrix (rows: true class, columns: predicted class)',
    `${' '.repeat(index + 1 + name)}${classes.map((_, column) => String(column).padStart(cell)).join('')}`,
    ...confusion.map((row, r) => `${label(r)}${row.map((value) => String(value).padStart(cell)).join('')}`),
  ];
}
