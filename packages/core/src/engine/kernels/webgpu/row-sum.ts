import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { launchFits } from './launch-fits.js';
import { planReduce, type ReduceGeometry, type ReducePlanOptions } from './reduce-geometry.js';
import { ReduceRowsProgram } from './reduce-rows-program.js';
import { webGpuConvOptions } from './webgpu-conv-options.js';

/**
 * How {@link rowSumPrograms} plans on this device: up to 256 threads a workgroup, the target launch
 * size of {@link webGpuConvOptions}, and at least 8 rows a thread before a workgroup adds its threads.
 *
 * @param backend - the webgpu backend (its limits).
 * @returns the options for `planReduce`.
 * @example
 * planReduce(geometry, rowSumPlanOptions(backend)).splits;
 */
export function rowSumPlanOptions(backend: WebGPUBackend): ReducePlanOptions {
  const threads = Math.min(256, backend.device.limits.maxComputeInvocationsPerWorkgroup);
  return { threads, targetWorkgroups: webGpuConvOptions().targetWorkgroups, minRowsPerThread: 8 };
}

/**
 * Plans the sum over `rows` of `x` seen as `[outer, rows, inner]`, times `scale`: one
 * {@link ReduceRowsProgram}, or two when the rows are split between workgroups to fill the GPU
 * (the second adds the splits, in a fixed order).
 *
 * @param backend - the webgpu backend (its limits).
 * @param geometry - the `[outer, rows, inner]` view.
 * @param scale - multiplies the sums (1, or 1 / rows for a mean).
 * @param outShape - the result's shape (outer · inner elements).
 * @returns the programs to pass to {@link runRowSum}, or `undefined` when a launch exceeds the device's limits.
 * @example
 * const programs = rowSumPrograms(backend, { outer: 1, rows: 103, inner: 36864, width: 4 }, 1, [3, 3, 64, 64]);
 */
export function rowSumPrograms(backend: WebGPUBackend, geometry: ReduceGeometry, scale: number, outShape: readonly number[]): ReduceRowsProgram[] | undefined {
  const options = rowSumPlanOptions(backend);
  const plan = planReduce(geometry, options);
  const first = new ReduceRowsProgram(geometry, plan, plan.splits === 1 ? scale : 1, outShape);
  const partials: ReduceGeometry = { outer: 1, rows: plan.splits, inner: geometry.outer * geometry.inner, width: geometry.width };
  const programs =
    plan.splits === 1
      ? [first]
      : [first, new ReduceRowsProgram(partials, { ...planReduce(partials, options), splits: 1, rowsPerSplit: plan.splits }, scale, outShape)];
  const elements = plan.splits * geometry.outer * geometry.inner;
  return programs.every((program) => launchFits(backend, program.dispatch, elements)) ? programs : undefined;
}

/**
 * Runs the programs of {@link rowSumPrograms} on `x`, freeing the partial sums between them.
 *
 * @param backend - the webgpu backend.
 * @param x - the input, `[outer, rows, inner]` in memory.
 * @param programs - from {@link rowSumPrograms}.
 * @returns the sums, of the planned `outShape`.
 * @example
 * const dw = runRowSum(backend, partial, programs);
 */
export function runRowSum(backend: WebGPUBackend, x: TensorInfo, programs: readonly ReduceRowsProgram[]): TensorInfo {
  let current = x;
  for (const program of programs) {
    const next = backend.runWebGPUProgram(program, [current], 'float32');
    if (current !== x) backend.disposeData(current.dataId);
    current = next;
  }
  return current;
}
