import * as tf from '@tensorflow/tfjs-core';
import type { KernelConfig } from '@tensorflow/tfjs-core';
import { batchNormGradient } from './batch-norm-gradient.js';
import { conv2dBackpropFilterConfig } from './conv2d-backprop-filter.js';
import { conv2dBackpropInputConfig } from './conv2d-backprop-input.js';
import { depthwiseBackpropFilterConfig } from './depthwise-backprop-filter.js';
import { depthwiseBackpropInputConfig } from './depthwise-backprop-input.js';
import { registerWebGpuKernels } from './webgpu/index.js';

/**
 * Which of Residual's kernels each backend gets, and why (measured on 2 CPU cores, TF.js 4.22;
 * `npm run bench:kernels -w @residual/core` prints the figures):
 * - wasm ships no `Conv2DBackpropFilter` nor depthwise backprops, and its `Conv2DBackpropInput`
 *   is a plain loop several times slower than its XNNPACK `Conv2D`, which ours use.
 * - cpu: see {@link cpuTrainingKernels}.
 * - webgl and webgpu have their own; nothing is replaced.
 */
const trainingKernels: Readonly<Record<string, ReadonlyArray<(backendName: string) => KernelConfig>>> = {
  wasm: [conv2dBackpropFilterConfig, conv2dBackpropInputConfig, depthwiseBackpropFilterConfig, depthwiseBackpropInputConfig],
  cpu: [conv2dBackpropFilterConfig],
};

/** The kernels a backend had before Residual replaced them, to restore them (tests compare against them). */
const stockKernels = new Map<string, KernelConfig | undefined>();

/**
 * Registers Residual's gradient kernels for one backend, so convolutional models train on it (wasm)
 * or train faster (cpu). Safe to call repeatedly; backends that need nothing are left alone.
 *
 * @param backendName - a TF.js backend name such as `'wasm'`.
 * @returns the names of the kernels now provided by Residual on that backend.
 * @example
 * await tf.setBackend('wasm');
 * registerTrainingKernels('wasm'); // ['Conv2DBackpropFilter', 'Conv2DBackpropInput', …]
 */
export function registerTrainingKernels(backendName: string): string[] {
  registerTrainingGradients();
  // WebGPU gets tiled implicit-GEMM convolutions, forward and both gradients (kernels/webgpu/).
  if (backendName === 'webgpu') return registerWebGpuKernels();
  const makers = trainingKernels[backendName] ?? [];
  const names: string[] = [];
  for (const make of makers) {
    const config = make(backendName);
    const key = `${backendName}_${config.kernelName}`;
    if (!stockKernels.has(key)) {
      const stock = tf.getKernel(config.kernelName, backendName);
      stockKernels.set(key, stock);
      if (stock !== undefined) tf.unregisterKernel(config.kernelName, backendName);
      tf.registerKernel(config);
    }
    names.push(config.kernelName);
  }
  return names;
}

let gradientsRegistered = false;

/**
 * Replaces TF.js gradients whose stock form is needlessly slow on every backend (today:
 * `FusedBatchNorm`, see {@link batchNormGradient}). Same values; called by {@link registerTrainingKernels}.
 *
 * @returns nothing.
 * @example
 * registerTrainingGradients();
 */
export function registerTrainingGradients(): void {
  if (gradientsRegistered) return;
  gradientsRegistered = true;
  // registerGradient warns when it overwrites; TF.js offers no unregisterGradient.
  const warn = console.warn;
  console.warn = () => {};
  try {
    tf.registerGradient(batchNormGradient);
  } finally {
    console.warn = warn;
  }
}

/**
 * Puts back the kernels a backend shipped with (or removes ours where it shipped none).
 *
 * @param backendName - the backend passed to {@link registerTrainingKernels}.
 * @returns nothing.
 * @example
 * unregisterTrainingKernels('wasm'); // training convolutions on wasm fails again, as in stock TF.js
 */
export function unregisterTrainingKernels(backendName: string): void {
  for (const [key, stock] of stockKernels) {
    if (!key.startsWith(`${backendName}_`)) continue;
    const kernelName = key.slice(backendName.length + 1);
    tf.unregisterKernel(kernelName, backendName);
    if (stock !== undefined) tf.registerKernel(stock);
    stockKernels.delete(key);
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
  const key = `${backendName}_${kernelName}`;
  return stockKernels.has(key) ? stockKernels.get(key) : tf.getKernel(kernelName, backendName);
}
