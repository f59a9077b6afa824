import * as tf from '@tensorflow/tfjs-core';
import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { reduceGeometry } from './reduce-geometry.js';
import { rowSumPrograms, runRowSum } from './row-sum.js';
import { countWebGpuRun, runStockWebGpuKernel } from './stock-webgpu-kernels.js';

/** The reduction kernels Residual provides on webgpu. */
export type ReduceKernelName = 'Sum' | 'Mean';

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
      const programs = rowSumPrograms(backend, geometry, kernelName === 'Mean' ? 1 / geometry.rows : 1, outShape);
      if (programs === undefined) return runStockWebGpuKernel(kernelName, args);
      countWebGpuRun(kernelName, true);
      return runRowSum(backend, x, programs);
    },
  };
}

