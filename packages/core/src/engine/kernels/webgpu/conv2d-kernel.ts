import * as tf from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { conv2dForwardProgram } from './conv2d-forward-program.js';
import { convGeometry } from './conv-geometry.js';
import { convInfoFromAttrs } from './conv-info-from-attrs.js';
import { isEpilogueActivation, type Epilogue } from './epilogue-wgsl.js';
import { launchFits } from './launch-fits.js';
import { countWebGpuRun, runStockWebGpuKernel } from './stock-webgpu-kernels.js';

type KernelArgs = Parameters<KernelFunc>[0];

/** What a fused convolution asks for, or `undefined` when the epilogue cannot do it (PReLU, a broadcast bias). */
function epilogueOf(kernelName: string, inputs: KernelArgs['inputs'], attrs: NamedAttrMap, channels: number): Epilogue | undefined {
  if (kernelName === tf.Conv2D) return { activation: 'linear', bias: false };
  const activation = String(attrs['activation'] ?? 'linear');
  const bias = inputs['bias'];
  if (!isEpilogueActivation(activation) || inputs['preluActivationWeights'] !== undefined) return undefined;
  if (bias !== undefined && (bias.shape.length !== 1 || bias.shape[0] !== channels)) return undefined;
  const alpha = attrs['leakyreluAlpha'];
  return { activation, bias: bias !== undefined, ...(typeof alpha === 'number' ? { alpha } : {}) };
}

/** Builds the kernel function for `Conv2D` or `FusedConv2D` (bias and activation in the epilogue). */
function convKernelFunc(kernelName: string): KernelFunc {
  return (args) => {
    const backend = args.backend as WebGPUBackend;
    const attrs = args.attrs ?? {};
    const x = args.inputs['x'] as TensorInfo; // [N, H, W, C]
    const filter = args.inputs['filter'] as TensorInfo; // [KH, KW, C, C′]
    const info = convInfoFromAttrs(x.shape, filter.shape, attrs);
    const geometry = convGeometry(info);
    if (typeof geometry === 'string') return runStockWebGpuKernel(kernelName, args);
    const epilogue = epilogueOf(kernelName, args.inputs, attrs, geometry.outChannels);
    if (epilogue === undefined) return runStockWebGpuKernel(kernelName, args);
    const program = conv2dForwardProgram(geometry, epilogue);
    if (!launchFits(backend, program.dispatch, tf.util.sizeFromShape(info.outShape))) return runStockWebGpuKernel(kernelName, args);
    countWebGpuRun(kernelName, true);
    const bias = args.inputs['bias'];
    return backend.runWebGPUProgram(program, epilogue.bias && bias !== undefined ? [x, filter, bias] : [x, filter], 'float32');
  };
}

/**
 * Residual's `Conv2D` for the webgpu backend: an implicit-GEMM, tiled WGSL convolution (see
 * `conv2dForwardProgram`). Channels-first and dilated convolutions go to the stock kernel.
 *
 * @returns the kernel config to pass to `tf.registerKernel`.
 * @example
 * tf.registerKernel(conv2dWebGpuConfig());
 */
export function conv2dWebGpuConfig(): KernelConfig {
  return { kernelName: tf.Conv2D, backendName: 'webgpu', kernelFunc: convKernelFunc(tf.Conv2D) };
}

/**
 * Residual's `FusedConv2D` for the webgpu backend (TF.js layers run every convolution through it):
 * the same program with the bias and activation applied before the store. PReLU and broadcast
 * biases go to the stock kernel.
 *
 * @returns the kernel config to pass to `tf.registerKernel`.
 * @example
 * tf.registerKernel(fusedConv2dWebGpuConfig());
 */
export function fusedConv2dWebGpuConfig(): KernelConfig {
  return { kernelName: tf.FusedConv2D, backendName: 'webgpu', kernelFunc: convKernelFunc(tf.FusedConv2D) };
}
