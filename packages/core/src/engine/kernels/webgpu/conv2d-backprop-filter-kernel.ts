import * as tf from '@tensorflow/tfjs-core';
import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { conv2dBackpropFilterProgram, planFilterSplit } from './conv2d-backprop-filter-program.js';
import { convGeometry } from './conv-geometry.js';
import { convInfoFromAttrs } from './conv-info-from-attrs.js';
import { launchFits } from './launch-fits.js';
import { rowSumPrograms, runRowSum } from './row-sum.js';
import { countWebGpuRun, runStockWebGpuKernel } from './stock-webgpu-kernels.js';

/**
 * Residual's `Conv2DBackpropFilter` (the filter gradient of a convolution) for the webgpu backend:
 * an implicit-GEMM, tiled WGSL kernel whose long sum over batch·height·width is split between
 * workgroups and then summed in a fixed order (see `conv2dBackpropFilterProgram`). TF.js 4.22's
 * stock one runs the whole sum in one thread per filter weight. Channels-first goes to the stock kernel.
 *
 * @returns the kernel config to pass to `tf.registerKernel`.
 * @example
 * tf.registerKernel(conv2dBackpropFilterWebGpuConfig());
 */
export function conv2dBackpropFilterWebGpuConfig(): KernelConfig {
  const kernelName = tf.Conv2DBackpropFilter;
  return {
    kernelName,
    backendName: 'webgpu',
    kernelFunc: (args) => {
      const backend = args.backend as WebGPUBackend;
      const attrs = args.attrs ?? {};
      const x = args.inputs['x'] as TensorInfo; // [N, H, W, C]
      const dy = args.inputs['dy'] as TensorInfo; // [N, H′, W′, C′]
      const filterShape = attrs['filterShape'] as [number, number, number, number]; // [KH, KW, C, C′]
      const info = convInfoFromAttrs(x.shape, filterShape, attrs);
      const geometry = convGeometry(info);
      if (typeof geometry === 'string' || !tf.util.arraysEqual(dy.shape, info.outShape)) {
        return runStockWebGpuKernel(kernelName, args);
      }
      const split = planFilterSplit(geometry);
      const program = conv2dBackpropFilterProgram(geometry, split);
      const size = tf.util.sizeFromShape(filterShape);
      // The partial sums [splits, KH·KW·C·C′] added up over the splits, in a fixed order.
      const sum = split.splits > 1 ? rowSumPrograms(backend, { outer: 1, rows: split.splits, inner: size, width: size % 4 === 0 ? 4 : 1 }, 1, filterShape) : [];
      if (sum === undefined || !launchFits(backend, program.dispatch, tf.util.sizeFromShape(program.outputShape))) {
        return runStockWebGpuKernel(kernelName, args);
      }
      countWebGpuRun(kernelName, true);
      const partial = backend.runWebGPUProgram(program, [x, dy], 'float32');
      const dw = runRowSum(backend, partial, sum);
      if (dw !== partial) backend.disposeData(partial.dataId);
      return dw;
    },
  };
}
