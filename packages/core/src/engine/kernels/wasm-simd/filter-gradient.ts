import * as tf from '@tensorflow/tfjs-core';
import type { Conv2DBackpropFilterAttrs, KernelBackend, KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import { conv2dBackpropFilter } from '../conv2d-backprop-filter.js';
import { runnerKernel } from '../kernel-runner.js';
import { simdKernelsFor } from './simd-kernels.js';
import { wasmMemoryOf } from './wasm-memory.js';

/** The parts of TF.js's `BackendWasm` this kernel uses (public members of the class). */
interface WasmBackendMemory {
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
}

/**
 * The filter gradient of a 2-D convolution on the wasm backend, computed where x and dy lie in the
 * backend's memory by Residual's SIMD kernel (`filter-gradient.wat`): one pass of 4 × 8 register
 * tiles over the pixels, with no transposed copies and no packed weights. ~2.5× faster than the
 * forward-convolution form ({@link conv2dBackpropFilter}: it transposes x and dy and XNNPACK packs
 * the whole dy as weights on every call) on ResNet-20's layers, on one thread; with Residual's kernel
 * threads (`useWasmThreads` in Node) the input channels are split among them.
 *
 * @param backend - the wasm backend.
 * @param x - forward input, `[N, H, W, Cin]`.
 * @param dy - gradient of the forward output, `[N, OH, OW, Cout]`.
 * @param attrs - the forward convolution's strides, padding and filter shape `[KH, KW, Cin, Cout]`.
 * @returns the filter gradient `[KH, KW, Cin, Cout]`, or `undefined` when the kernel does not take
 *   the case (NCHW, Cin not a multiple of 4, Cout not a multiple of 8, no SIMD or no reachable memory).
 * @example
 * const dW = filterGradientSimd(backend, x, dy, attrs) ?? conv2dBackpropFilter(run, x, dy, attrs);
 */
export function filterGradientSimd(backend: KernelBackend, x: TensorInfo, dy: TensorInfo, attrs: Conv2DBackpropFilterAttrs): TensorInfo | undefined {
  const [kernelHeight, kernelWidth, inChannels, outChannels] = attrs.filterShape;
  if (attrs.dataFormat === 'NCHW' || x.dtype !== 'float32' || dy.dtype !== 'float32' || inChannels % 4 !== 0 || outChannels % 8 !== 0) return undefined;
  const memory = wasmMemoryOf(backend);
  const kernels = memory === undefined ? undefined : simdKernelsFor(memory);
  if (memory === undefined || kernels === undefined) return undefined;
  const info = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], attrs.filterShape, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode);
  const wasm = backend as unknown as WasmBackendMemory;
  const dw = wasm.makeOutput([kernelHeight, kernelWidth, inChannels, outChannels], 'float32'); // [KH, KW, Cin, Cout]
  const offset = (tensor: TensorInfo): number => {
    const data = wasm.dataIdMap.get(tensor.dataId);
    if (data === undefined) throw new Error('filterGradientSimd: every tensor must live in the wasm backend, but one has no data there. This is a bug.');
    return data.memoryOffset;
  };
  // Output rows per chunk: enough pixels (≥ 64) to amortise loading each dW tile, few enough that
  // the chunk's rows of x and dy stay in the L1 cache.
  const rows = Math.max(1, Math.ceil(64 / info.outWidth));
  new Float32Array(memory.buffer, offset(dw), kernelHeight * kernelWidth * inChannels * outChannels).fill(0);
  kernels.filterGradient(
    [
      offset(x), offset(dy), offset(dw),
      info.batchSize, info.inHeight, info.inWidth, inChannels,
      info.outHeight, info.outWidth, outChannels,
      kernelHeight, kernelWidth, info.strideHeight, info.strideWidth, info.padInfo.top, info.padInfo.left,
      rows,
    ],
    inChannels,
  );
  return dw;
}

/**
 * The wasm backend's `Conv2DBackpropFilter`: {@link filterGradientSimd} where it applies, else the
 * forward-convolution form built on XNNPACK ({@link conv2dBackpropFilter}).
 *
 * @param backendName - `'wasm'`.
 * @returns a config for `tf.registerKernel`.
 * @example
 * tf.registerKernel(filterGradientSimdConfig('wasm'));
 */
export function filterGradientSimdConfig(backendName: string): KernelConfig {
  return runnerKernel(tf.Conv2DBackpropFilter, backendName, (run, inputs, attrs) => {
    const x = inputs['x'] as TensorInfo;
    const dy = inputs['dy'] as TensorInfo;
    const convAttrs = attrs as unknown as Conv2DBackpropFilterAttrs;
    return filterGradientSimd(run.backend, x, dy, convAttrs) ?? conv2dBackpropFilter(run, x, dy, convAttrs);
  });
}
