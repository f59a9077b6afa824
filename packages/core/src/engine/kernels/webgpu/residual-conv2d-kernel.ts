import * as tf from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { residualConv2dKernelName } from '../../ops/residual-conv2d.js';
import { conv2dForwardProgram } from './conv2d-forward-program.js';
import { convGeometry } from './conv-geometry.js';
import { convInfoFromAttrs } from './conv-info-from-attrs.js';
import { launchFits } from './launch-fits.js';
import { countWebGpuRun } from './stock-webgpu-kernels.js';

type KernelArgs = Parameters<KernelFunc>[0];

/** Runs the webgpu backend's kernel `name` (whichever is registered) on tensor infos. */
function runKernel(name: string, args: KernelArgs): TensorInfo {
  const config = tf.getKernel(name, 'webgpu');
  if (config === undefined) throw new Error(`ResidualConv2D: the webgpu backend must have a '${name}' kernel, but got none. Load @tensorflow/tfjs-backend-webgpu first.`);
  return config.kernelFunc(args) as TensorInfo;
}

/** The same result from three kernels (fused convolution, add, ReLU), for cases the program does not cover. */
function composed(args: KernelArgs): TensorInfo {
  const { attrs = {} } = args;
  const backend = args.backend as WebGPUBackend;
  const { x, filter, bias, residual } = args.inputs as Record<string, TensorInfo>;
  countWebGpuRun(residualConv2dKernelName, false);
  const conv = runKernel(tf.FusedConv2D, { inputs: { x, filter, ...(bias === undefined ? {} : { bias }) } as tf.NamedTensorInfoMap, backend, attrs: { ...attrs, activation: 'linear' } });
  const sum = runKernel(tf.Add, { inputs: { a: conv, b: residual } as tf.NamedTensorInfoMap, backend });
  backend.disposeData(conv.dataId);
  if (attrs['activation'] !== 'relu') return sum;
  const out = runKernel(tf.Relu, { inputs: { x: sum } as tf.NamedTensorInfoMap, backend });
  backend.disposeData(sum.dataId);
  return out;
}

/**
 * Residual's `ResidualConv2D` for the webgpu backend: the forward convolution's implicit-GEMM
 * program with the bias, the residual and the ReLU added in its store, so a residual block ends in
 * one kernel instead of three (see `residualConv2d`). Cases the program does not cover (NCHW,
 * dilation, a launch over the device's limits) run as three kernels with the same result.
 *
 * @returns the kernel config to pass to `tf.registerKernel`.
 * @example
 * tf.registerKernel(residualConv2dWebGpuConfig());
 */
export function residualConv2dWebGpuConfig(): KernelConfig {
  return {
    kernelName: residualConv2dKernelName,
    backendName: 'webgpu',
    kernelFunc: (args) => {
      const backend = args.backend as WebGPUBackend;
      const attrs = args.attrs ?? {};
      const { x, filter, bias, residual } = args.inputs as Record<string, TensorInfo>;
      if (x === undefined || filter === undefined || residual === undefined) {
        throw new Error('ResidualConv2D: inputs x, filter and residual must be given, but one is missing. Call it through residualConv2d().');
      }
      const info = convInfoFromAttrs(x.shape, filter.shape, attrs);
      const geometry = convGeometry(info);
      const activation = attrs['activation'] === 'relu' ? 'relu' : 'linear';
      if (typeof geometry === 'string') return composed(args);
      const program = conv2dForwardProgram(geometry, { activation, bias: bias !== undefined, residual: true });
      if (!launchFits(backend, program.dispatch, tf.util.sizeFromShape(info.outShape))) return composed(args);
      countWebGpuRun(residualConv2dKernelName, true);
      return backend.runWebGPUProgram(program, [x, filter, ...(bias === undefined ? [] : [bias]), residual], 'float32');
    },
  };
}
