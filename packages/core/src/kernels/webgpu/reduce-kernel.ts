import * as tf from '@tensorflow/tfjs-core';
import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { launchFits } from './launch-fits.js';
import { planReduce, reduceGeometry, type ReduceGeometry } from './reduce-geometry.js';
import { ReduceRowsProgram } from './reduce-rows-program.js';
import { countWebGpuRun, runStockWebGpuKernel } from './stock-webgpu-kernels.js';
import { webGpuConvOptions } from './webgpu-conv-options.js';

/** Rows each thread sums at the least before a workgroup adds up its threads. */
const minRowsPerThread = 8;

/** The reduction kernels Residual provides on webgpu. */
export type ReduceKernelName = 'Sum' | 'Mean';

/** Runs one pass, or two when the plan splits the rows between workgroups; undefined if a launch is too large. */
function reduceRows(backend: WebGPUBackend, x: TensorInfo, geometry: ReduceGeometry, scale: number, outShape: number[]): TensorInfo | undefined {
  const threads = Math.min(256, backend.device.limits.maxComputeInvocationsPerWorkgroup);
  const options = { threads, targetWorkgroups: webGpuConvOptions().targetWorkgroups, minRowsPerThread };
  const plan = planReduce(geometry, options);
  const first = new ReduceRowsProgram(geometry, plan, plan.splits === 1 ? scale : 1, outShape);
  const partials: ReduceGeometry = { outer: 1, rows: plan.splits, inner: geometry.outer * geometry.inner, width: geometry.width };
  const second =
    plan.splits === 1 ? undefined : new ReduceRowsProgram(partials, { ...planReduce(partials, options), splits: 1, rowsPerSplit: plan.splits }, scale, outShape);
  const outputs = geometry.outer * geometry.inner;
  const programs = second === undefined ? [first] : [first, second];
  if (!programs.every((program) => program.launchable && launchFits(backend, program.dispatch, plan.splits * outputs))) return undefined;
  const partial = backend.runWebGPUProgram(first, [x], 'float32');
  if (second === undefined) return partial;
  const result = backend.runWebGPUProgram(second, [partial], 'float32');
  backend.disposeData(partial.dataId);
  return result;
}

/**
 * Residual's `Sum` or `Mean` for the webgpu backend, for float32 reductions over contiguous axes
 * that stop before the last one: batch normalization's per-channel statistics and their gradients
 * over `[N, H, W, C]`, global average pooling over `[H, W]`. TF.js 4.22's stock kernel first
 * transposes the whole tensor to put those axes last, then gives each output one workgroup (64
 * workgroups for 64 channels); this one reads the tensor in place, spreads the rows over enough
 * workgroups to fill the GPU and adds the parts in a fixed order. Other reductions go to the stock kernel.
 *
 * @param kernelName - `'Sum'` or `'Mean'`.
 * @returns the kernel config to pass to `tf.registerKernel`.
 * @example
 * tf.registerKernel(reduceWebGpuConfig('Mean'));
 * tf.mean(x, [0, 1, 2]); // x: [N, H, W, C] → [C], without a transpose
 */
export function reduceWebGpuConfig(kernelName: ReduceKernelName): KernelConfig {
  return {
    kernelName,
    backendName: 'webgpu',
    kernelFunc: (args) => {
      const backend = args.backend as WebGPUBackend;
      const x = args.inputs['x'] as TensorInfo;
      const axis = (args.attrs?.['axis'] ?? x.shape.map((_, i) => i)) as number | number[]; // none: every axis
      const keepDims = args.attrs?.['keepDims'] === true;
      const axes = tf.util.parseAxisParam(axis, x.shape);
      const geometry = x.dtype === 'float32' ? reduceGeometry(x.shape, axes) : 'the input is not float32';
      if (typeof geometry === 'string') return runStockWebGpuKernel(kernelName, args);
      const [reduced] = tf.backend_util.computeOutAndReduceShapes(x.shape, [...axes].sort((a, b) => a - b));
      const outShape = keepDims ? tf.backend_util.expandShapeToKeepDim(reduced, axes) : reduced;
      const scale = kernelName === 'Mean' ? 1 / geometry.rows : 1;
      const result = reduceRows(backend, x, geometry, scale, outShape);
      if (result === undefined) return runStockWebGpuKernel(kernelName, args);
      countWebGpuRun(kernelName, true);
      return result;
    },
  };
}

