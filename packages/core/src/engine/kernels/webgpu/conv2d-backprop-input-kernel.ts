import * as tf from '@tensorflow/tfjs-core';
import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { conv2dBackpropInputProgram } from './conv2d-backprop-input-program.js';
import { convGeometry } from './conv-geometry.js';
import { convInfoFromAttrs } from './conv-info-from-attrs.js';
import { launchFits } from './launch-fits.js';
import { countWebGpuRun, runStockWebGpuKernel } from './stock-webgpu-kernels.js';

/**
 * Residual's `Conv2DBackpropInput` (the input gradient of a convolution, also `conv2dTranspose`)
 * for the webgpu backend: an implicit-GEMM, tiled WGSL kernel (see `conv2dBackpropInputProgram`);
 * TF.js 4.22's stock one is a per-output loop. Channels-first goes to the stock kernel.
 *
 * @returns the kernel config to pass to `tf.registerKernel`.
 * @example
 * tf.registerKernel(conv2dBackpropInputWebGpuConfig());
 */
export function conv2dBackpropInputWebGpuConfig(): KernelConfig {
  const kernelName = tf.Conv2DBackpropInput;
  return {
    kernelName,
    backendName: 'webgpu',
    kernelFunc: (args) => {
      const backend = args.backend as WebGPUBackend;
      const attrs = args.attrs ?? {};
      const dy = args.inputs['dy'] as TensorInfo; // [N, H′, W′, C′]
      const filter = args.inputs['filter'] as TensorInfo; // [KH, KW, C, C′]
      const info = convInfoFromAttrs(attrs['inputShape'] as number[], filter.shape, attrs);
      const geometry = convGeometry(info);
      if (typeof geometry === 'string' || !tf.util.arraysEqual(dy.shape, info.outShape)) {
        return runStockWebGpuKernel(kernelName, args);
      }
      const program = conv2dBackpropInputProgram(geometry);
      if (!launchFits(backend, program.dispatch, tf.util.sizeFromShape(info.inShape))) return runStockWebGpuKernel(kernelName, args);
      countWebGpuRun(kernelName, true);
      return backend.runWebGPUProgram(program, [dy, filter], 'float32');
    },
  };
}
