import { rowReduction, type RowReduction } from '../row-reduction.js';

/** A {@link RowReduction} with the width of the WebGPU kernel's loads. */
export interface ReduceGeometry extends RowReduction {
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
 * Reads a reduction's shape for the WebGPU row reduction: {@link rowReduction}'s view and the
 * width of its loads, or why Residual's kernel does not take it.
 *
 * @param shape - the input's shape, e.g. `[N, H, W, C]`.
 * @param axes - the reduced axes, non-negative, in any order.
 * @returns the geometry, or a reason (a string).
 * @example
 * reduceGeometry([128, 32, 32, 64], [0, 1, 2]); // { outer: 1, rows: 131072, inner: 64, width: 4 }
 * reduceGeometry([128, 10], [1]); // 'the reduction includes the innermost axis …'
 */
export function reduceGeometry(shape: readonly number[], axes: readonly number[]): ReduceGeometry | string {
  const view = rowReduction(shape, axes);
  return typeof view === 'string' ? view : { ...view, width: view.inner % 4 === 0 ? 4 : 1 };
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
