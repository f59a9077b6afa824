import * as tf from '@tensorflow/tfjs-core';
import type { KernelConfig } from '@tensorflow/tfjs-core';
import { batchNormByDepthwiseConfig } from './batch-norm-by-depthwise.js';
import { conv2dBackpropFilterConfig } from './conv2d-backprop-filter.js';
import { reduceByMatMulConfig } from './reduce-by-matmul.js';
import { reduceByPoolingConfig } from './reduce-by-pooling.js';
import { sharedCastConfig, sharedIdentityConfig } from './shared-identity.js';
import { replaceKernel, restoreKernels } from './stock-kernels.js';
import { conv2dBackpropInputSimdConfig, fusedConv2dSimdConfig } from './wasm-simd/direct-conv.js';
import { filterGradientSimdConfig } from './wasm-simd/filter-gradient.js';
import { registerWebGpuKernels, unregisterWebGpuKernels } from './webgpu/index.js';

/**
 * Which of Residual's kernels each backend gets, and why (measured on 2 CPU cores, TF.js 4.22;
 * `npm run bench:train-step -w @residual/core` and `residual bench --json` print the figures):
 * - wasm ships no `Conv2DBackpropFilter`: Residual's SIMD kernel computes it in place
 *   ({@link filterGradientSimdConfig}), else a forward convolution does. Its convolutions
 *   (`FusedConv2D`, and `Conv2DBackpropInput` at stride 1) are Residual's SIMD kernel too when it
 *   runs on as many threads as XNNPACK ({@link fusedConv2dSimdConfig}; ~16 ms against XNNPACK's
 *   ~21–25 on ResNet-20's layers, one thread). Its own `Conv2DBackpropInput` is a plain loop several
 *   times slower than its XNNPACK `Conv2D`, which the other cases use.
 * - cpu's `Conv2DBackpropFilter` is a slow loop; the forward convolution is faster.
 * - `Sum` and `Mean` over `[N, H, W]` of an NHWC tensor (batch norm's statistics and gradients) or
 *   over `[H, W]` (global average pooling), which the stock kernels transpose first: on wasm as
 *   XNNPACK's average pooling ({@link reduceByPoolingConfig}), on cpu as one matrix product with a
 *   column of ones ({@link reduceByMatMulConfig}).
 * - wasm: `FusedBatchNorm` (batch norm, and `multiplyAdd` for the optimiser) as one XNNPACK 1×1
 *   depthwise convolution ({@link batchNormByDepthwiseConfig}) instead of a loop ~7× slower, and
 *   an `Identity` (and a `Cast` to the same dtype) that shares memory instead of copying it
 *   ({@link sharedIdentityConfig}, {@link sharedCastConfig}).
 * - webgpu gets its own set ({@link registerWebGpuKernels}); webgl keeps its stock kernels.
 */
const trainingKernels: Readonly<Record<string, ReadonlyArray<(backendName: string) => KernelConfig>>> = {
  wasm: [
    filterGradientSimdConfig,
    conv2dBackpropInputSimdConfig,
    fusedConv2dSimdConfig,
    (name) => reduceByPoolingConfig('Sum', name),
    (name) => reduceByPoolingConfig('Mean', name),
    batchNormByDepthwiseConfig,
    sharedIdentityConfig,
    sharedCastConfig,
  ],
  cpu: [conv2dBackpropFilterConfig, sumConfig, meanConfig],
};

/**
 * Registers Residual's gradient and reduction kernels for one backend, so convolutional models
 * train on it (wasm) or train faster (cpu, and wasm's batch norm statistics). Safe to call
 * repeatedly; backends that need nothing are left alone.
 *
 * @param backendName - a TF.js backend name such as `'wasm'`.
 * @returns the names of the kernels now provided by Residual on that backend.
 * @example
 * await tf.setBackend('wasm');
 * registerTrainingKernels('wasm'); // ['Conv2DBackpropFilter', 'Conv2DBackpropInput', …]
 */
export function registerTrainingKernels(backendName: string): string[] {
  // WebGPU gets tiled implicit-GEMM convolutions, forward and both gradients (kernels/webgpu/).
  if (backendName === 'webgpu') return registerWebGpuKernels();
  const makers = trainingKernels[backendName] ?? [];
  const names: string[] = [];
  for (const make of makers) {
    const config = make(backendName);
    replaceKernel(config);
    names.push(config.kernelName);
  }
  return names;
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
  if (backendName === 'webgpu') unregisterWebGpuKernels();
  else restoreKernels(backendName);
}

function sumConfig(backendName: string): KernelConfig {
  return reduceByMatMulConfig('Sum', backendName);
}

function meanConfig(backendName: string): KernelConfig {
  return reduceByMatMulConfig('Mean', backendName);
}
