import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { isReplaced, stockKernel } from '../stock-kernels.js';

/** How often each of Residual's WebGPU kernels ran its own shader, and how often it handed over to the stock one. */
const counts = new Map<string, { residual: number; stock: number }>();

/**
 * The kernel TF.js's webgpu backend shipped for `kernelName`, saved when Residual's replaced it.
 *
 * @param kernelName - e.g. `'Conv2DBackpropFilter'`.
 * @returns the stock config, or `undefined` when Residual has not replaced that kernel.
 * @example
 * const reference = stockWebGpuKernel('Conv2D');
 */
export function stockWebGpuKernel(kernelName: string): KernelConfig | undefined {
  return isReplaced(kernelName, 'webgpu') ? stockKernel(kernelName, 'webgpu') : undefined;
}

/** Counts one run of a kernel; `residual: false` when it handed over to the stock kernel. */
export function countWebGpuRun(kernelName: string, residual: boolean): void {
  const entry = counts.get(kernelName) ?? { residual: 0, stock: 0 };
  if (residual) entry.residual++;
  else entry.stock++;
  counts.set(kernelName, entry);
}

/**
 * How many times each of Residual's WebGPU kernels ran its own shader (`residual`) or handed a
 * case it does not cover (channels-first, dilation, PReLU, a launch over the device's limits) to
 * the stock kernel (`stock`), since the process started.
 *
 * @returns a copy of the counts, by kernel name.
 * @example
 * webGpuKernelCounts(); // { Conv2D: { residual: 3, stock: 0 }, … }
 */
export function webGpuKernelCounts(): Record<string, { residual: number; stock: number }> {
  return Object.fromEntries([...counts].map(([name, entry]) => [name, { ...entry }]));
}

/** Runs the saved stock kernel with the same arguments (counted as a hand-over). */
export function runStockWebGpuKernel(kernelName: string, args: Parameters<KernelFunc>[0]): TensorInfo | TensorInfo[] {
  const config = stockWebGpuKernel(kernelName);
  if (config === undefined) {
    throw new Error(
      `Residual WebGPU kernels: the stock '${kernelName}' kernel must have been saved, but got none. ` +
        `Call registerWebGpuKernels() after the webgpu backend is loaded.`,
    );
  }
  countWebGpuRun(kernelName, false);
  return config.kernelFunc(args);
}
