import * as tf from '@tensorflow/tfjs-core';
import type { KernelConfig } from '@tensorflow/tfjs-core';
import { conv2dBackpropFilterWebGpuConfig } from './conv2d-backprop-filter-kernel.js';
import { conv2dBackpropInputWebGpuConfig } from './conv2d-backprop-input-kernel.js';
import { conv2dWebGpuConfig, fusedConv2dWebGpuConfig } from './conv2d-kernel.js';
import { reduceWebGpuConfig } from './reduce-kernel.js';
import { residualConv2dWebGpuConfig } from './residual-conv2d-kernel.js';
import { replaceKernel, restoreKernels } from '../stock-kernels.js';

/** Residual's WebGPU kernels, by the TF.js kernel they replace. */
const makers: ReadonlyArray<() => KernelConfig> = [
  conv2dWebGpuConfig,
  fusedConv2dWebGpuConfig,
  conv2dBackpropInputWebGpuConfig,
  conv2dBackpropFilterWebGpuConfig,
  () => reduceWebGpuConfig('Sum'),
  () => reduceWebGpuConfig('Mean'),
];

/**
 * Replaces TF.js 4.22's WebGPU convolution kernels (`Conv2D`, `FusedConv2D`,
 * `Conv2DBackpropInput`, `Conv2DBackpropFilter`) with Residual's tiled implicit-GEMM ones, and its
 * `Sum` and `Mean` with a row reduction that needs no transpose (batch normalization's statistics
 * and gradients, global average pooling), so models train faster on WebGPU without any change. It
 * also adds a kernel TF.js does not have, `ResidualConv2D` (a convolution that adds the bias and a
 * residual and applies the ReLU as it stores: how `inferenceModel` ends a residual block). Call it after `@tensorflow/tfjs-backend-webgpu`
 * is loaded (it registers the stock kernels when imported, and would overwrite ours). Safe to call
 * repeatedly. Cases the new kernels do not cover go to the stock ones.
 *
 * @returns the names of the kernels now provided by Residual on webgpu.
 * @example
 * await import('@tensorflow/tfjs-backend-webgpu');
 * await tf.setBackend('webgpu');
 * registerWebGpuKernels(); // ['Conv2D', 'FusedConv2D', 'Conv2DBackpropInput', 'Conv2DBackpropFilter', 'Sum', 'Mean', 'ResidualConv2D']
 */
export function registerWebGpuKernels(): string[] {
  const names: string[] = [];
  for (const make of makers) {
    const config = make();
    if (tf.getKernel(config.kernelName, 'webgpu') === undefined) {
      throw new Error(
        `registerWebGpuKernels: the webgpu backend's '${config.kernelName}' kernel must be registered first, but got none. ` +
          `Import '@tensorflow/tfjs-backend-webgpu' before calling registerWebGpuKernels().`,
      );
    }
    replaceKernel(config); // once: a second call finds it replaced
    names.push(config.kernelName);
  }
  const added = residualConv2dWebGpuConfig(); // no stock twin: restoring removes it, and `residualConv2d` composes it again
  replaceKernel(added);
  names.push(added.kernelName);
  return names;
}

/**
 * Puts TF.js's stock WebGPU kernels back (benchmarks compare both).
 *
 * @returns nothing.
 * @example
 * unregisterWebGpuKernels(); // stock TF.js 4.22 convolutions and reductions again
 */
export function unregisterWebGpuKernels(): void {
  restoreKernels('webgpu');
}
