import * as tf from '@tensorflow/tfjs-core';
import type { KernelConfig } from '@tensorflow/tfjs-core';

/**
 * The kernels backends shipped with, saved when Residual's replaced them, keyed
 * `<backend>_<kernel>`; `undefined` where the backend shipped none.
 */
const saved = new Map<string, KernelConfig | undefined>();

const keyOf = (kernelName: string, backendName: string): string => `${backendName}_${kernelName}`;

/** Whether Residual has replaced (or added) `kernelName` on `backendName`. */
export function isReplaced(kernelName: string, backendName: string): boolean {
  return saved.has(keyOf(kernelName, backendName));
}

/**
 * Registers `config` in place of the kernel its backend has for that name, saving that one first;
 * does nothing when Residual already replaced it. A stock wasm kernel binds its C function in
 * `setupFunc`, which a backend calls when it starts for the kernels registered then: the new
 * config carries it, so a hand-over to the stock kernel works whenever the backend starts.
 *
 * @param config - Residual's kernel.
 * @returns nothing.
 * @example
 * replaceKernel(reduceByMatMulConfig('Sum', 'wasm'));
 */
export function replaceKernel(config: KernelConfig): void {
  const { kernelName, backendName } = config;
  if (isReplaced(kernelName, backendName)) return;
  const stock = tf.getKernel(kernelName, backendName);
  saved.set(keyOf(kernelName, backendName), stock);
  if (stock !== undefined) tf.unregisterKernel(kernelName, backendName);
  const { setupFunc, disposeFunc } = stock ?? {};
  tf.registerKernel({ ...(setupFunc && { setupFunc }), ...(disposeFunc && { disposeFunc }), ...config });
}

/**
 * Puts back the kernels {@link replaceKernel} replaced on one backend, and removes those it added
 * where the backend shipped none.
 *
 * @param backendName - e.g. `'wasm'`.
 * @returns nothing.
 * @example
 * restoreKernels('wasm'); // stock TF.js 4.22 wasm kernels again
 */
export function restoreKernels(backendName: string): void {
  for (const [key, stock] of saved) {
    if (!key.startsWith(`${backendName}_`)) continue;
    tf.unregisterKernel(key.slice(backendName.length + 1), backendName);
    if (stock !== undefined) tf.registerKernel(stock);
    saved.delete(key);
  }
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
  const key = keyOf(kernelName, backendName);
  return saved.has(key) ? saved.get(key) : tf.getKernel(kernelName, backendName);
}
