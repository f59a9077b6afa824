/**
 * A reduction over a contiguous run of axes that stops before the last axis, seen as an
 * `[outer, rows, inner]` array summed over `rows`: `outer` is the product of the axes before the
 * run, `rows` of the run, `inner` of the axes after it. Batch normalization's statistics over
 * `[N, H, W, C]` are `[1, N·H·W, C]`; global average pooling is `[N, H·W, C]`.
 */
export interface RowReduction {
  readonly outer: number;
  readonly rows: number;
  readonly inner: number;
}

/**
 * Reads a reduction's shape as rows to add: the `[outer, rows, inner]` view, or why Residual's
 * reduction kernels do not take it (TF.js's stock kernels already read a reduction over the
 * innermost axes in place, and handle the rest).
 *
 * @param shape - the input's shape, e.g. `[N, H, W, C]`.
 * @param axes - the reduced axes, non-negative, in any order.
 * @returns the view, or a reason (a string).
 * @example
 * rowReduction([128, 32, 32, 64], [0, 1, 2]); // { outer: 1, rows: 131072, inner: 64 }
 * rowReduction([128, 10], [1]); // 'the reduction includes the innermost axis …'
 */
export function rowReduction(shape: readonly number[], axes: readonly number[]): RowReduction | string {
  const sorted = [...new Set(axes)].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return 'no axis is reduced';
  if (last - first + 1 !== sorted.length) return `the axes ${sorted.join(', ')} are not contiguous`;
  if (last === shape.length - 1) return 'the reduction includes the innermost axis, which the stock kernel reads in place';
  const product = (dims: readonly number[]) => dims.reduce((total, dim) => total * dim, 1);
  const outer = product(shape.slice(0, first));
  const rows = product(shape.slice(first, last + 1));
  const inner = product(shape.slice(last + 1));
  if (outer * rows * inner === 0) return 'the input is empty';
  return { outer, rows, inner };
}
