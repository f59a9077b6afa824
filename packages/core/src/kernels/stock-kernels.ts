import * as tf from '@tensorflow/tfjs-core';
import type { KernelConfig } from '@tensorflow/tfjs-core';

/**
 * The kernels backends shipped with, saved when Residual's replaced them, keyed
 * `<backend>_<kernel>`; `undefined` where the backend shipped none.
 */
const saved = new Map<string, KernelConfig | undefined>();

/** Whether Residual has replaced (or added) `kernelName` on `backendName`. */
export function isReplaced(kernelName: string, backendName: string): boolean {
  return saved.has(`${backendName}_${kernelName}`);
}

/** Remembers what `backendName` had for `kernelName` before Residual's kernel replaces it. */
export function saveStockKernel(kernelName: string, backendName: string): void {
  const key = `${backendName}_${kernelName}`;
  if (!saved.has(key)) saved.set(key, tf.getKernel(kernelName, backendName));
}

/** Takes back the saved kernels of one backend (to register them again), forgetting them. */
export function takeStockKernels(backendName: string): Array<{ kernelName: string; stock: KernelConfig | undefined }> {
  const taken: Array<{ kernelName: string; stock: KernelConfig | undefined }> = [];
  for (const [key, stock] of saved) {
    if (!key.startsWith(`${backendName}_`)) continue;
    taken.push({ kernelName: key.slice(backendName.length + 1), stock });
    saved.delete(key);
  }
  return taken;
}

/**
 * The kernel a backend shipped with for `kernelName`, even after Residual replaced it.
 *
 * @param kernelName - e.g. `'Conv2DBackpropFilter'`.
 * @param backendName - e.g. `'cpu'`.
 * @returns the stock kernel config, or `undefined` when the backend ships none.
 * @example
 * const reference = stockKernel('Conv2DBackpropFilter', 'cpu');
 */
export function stockKernel(kernelName: string, backendName: string): KernelConfig | undefined {
  const key = `${backendName}_${kernelName}`;
  return saved.has(key) ? saved.get(key) : tf.getKernel(kernelName, backendName);
}
