/**
 * A reduction over a contiguous run of axes that stops before the last axis, seen as a
 * `[outer, rows, inner]` array summed over `rows`: `outer` is the product of the axes before the
 * run, `rows` of the run, `inner` of the axes after it. Batch normalization's statistics over
 * `[N, H, W, C]` are `[1, N·H·W, C]`; global average pooling is `[N, H·W, C]`.
 */
export interface ReduceGeometry {
  readonly outer: number;
  readonly rows: number;
  readonly inner: number;
  /** Floats per load: 4 (`vec4<f32>`) when `inner` is a multiple of 4, else 1. */
  readonly width: 1 | 4;
}

/** How one pass of the row reduction divides its work between workgroups. */
export interface ReducePlan {
  /** Threads along `inner` (one `width`-wide column each) and along `rows`; a power of two. */
  readonly columnThreads: number;
  readonly rowThreads: number;
  /** Consecutive runs of rows summed by separate workgroups, then summed by a second pass. */
  readonly splits: number;
  readonly rowsPerSplit: number;
}

/** What {@link planReduce} aims for. */
export interface ReducePlanOptions {
  /** Threads per workgroup (a power of two within the device's limit). */
  readonly threads: number;
  /** Workgroups a launch should reach to keep the GPU busy. */
  readonly targetWorkgroups: number;
  /** Fewest rows each thread sums before the workgroup adds its threads' sums. */
  readonly minRowsPerThread: number;
}

/**
 * Reads a reduction's shape: the `[outer, rows, inner]` view, or why Residual's kernel does not
 * take it (TF.js's stock kernel already reads a reduction over the innermost axes in place, and
 * handles the rest).
 *
 * @param shape - the input's shape, e.g. `[N, H, W, C]`.
 * @param axes - the reduced axes, non-negative, in any order.
 * @returns the geometry, or a reason (a string).
 * @example
 * reduceGeometry([128, 32, 32, 64], [0, 1, 2]); // { outer: 1, rows: 131072, inner: 64, width: 4 }
 * reduceGeometry([128, 10], [1]); // 'the reduction includes the innermost axis …'
 */
export function reduceGeometry(shape: readonly number[], axes: readonly number[]): ReduceGeometry | string {
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
  return { outer, rows, inner, width: inner % 4 === 0 ? 4 : 1 };
}

/**
 * Divides one reduction pass between workgroups: threads side by side along `inner` (neighbours
 * read neighbouring addresses), the rest along `rows`; when the columns and `outer` alone launch
 * fewer than `targetWorkgroups`, the rows are split between workgroups too (down to
 * `minRowsPerThread` rows a thread), and a second pass adds the splits.
 *
 * @param geometry - from {@link reduceGeometry}.
 * @param options - threads per workgroup, target launch size, least work per thread.
 * @returns the plan.
 * @example
 * planReduce({ outer: 1, rows: 131072, inner: 64, width: 4 }, { threads: 256, targetWorkgroups: 512, minRowsPerThread: 8 });
 * // { columnThreads: 16, rowThreads: 16, splits: 512, rowsPerSplit: 256 }
 */
export function planReduce(geometry: ReduceGeometry, options: ReducePlanOptions): ReducePlan {
  const { threads, targetWorkgroups, minRowsPerThread } = options;
  if (!Number.isInteger(Math.log2(threads)) || threads < 4) {
    throw new Error(`planReduce: threads must be a power of two of at least 4, but got ${threads}. Pass e.g. 256.`);
  }
  const columns = geometry.inner / geometry.width;
  const columnThreads = Math.min(2 ** Math.ceil(Math.log2(columns)), threads / 4);
  const rowThreads = threads / columnThreads;
  const columnGroups = Math.ceil(columns / columnThreads);
  const wanted = Math.ceil(targetWorkgroups / (columnGroups * geometry.outer));
  const most = Math.floor(geometry.rows / (rowThreads * minRowsPerThread));
  const rowsPerSplit = Math.ceil(geometry.rows / Math.max(1, Math.min(wanted, most, 65535)));
  return { columnThreads, rowThreads, splits: Math.ceil(geometry.rows / rowsPerSplit), rowsPerSplit };
}
