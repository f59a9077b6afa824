import * as tf from '@tensorflow/tfjs-core';
import type { Conv2DBackpropInputAttrs, KernelBackend, KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import { conv2dBackpropInput } from '../conv2d-backprop-input.js';
import { runnerKernel, type KernelRunner } from '../kernel-runner.js';
import { stockKernel } from '../stock-kernels.js';
import { simdKernelsFor, type SimdKernels } from './simd-kernels.js';
import { wasmMemoryOf } from './wasm-memory.js';

/** The parts of TF.js's `BackendWasm` these kernels use (public members of the class). */
interface WasmBackendParts {
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  wasm: { tfjs: { getThreadsCount(): number } };
}

/**
 * Residual's SIMD kernels on this backend when they run on as many threads as XNNPACK does (one
 * thread, or Residual's kernel threads in Node), else `undefined`. They beat XNNPACK's convolution
 * (~16 ms against ~21–25 on ResNet-20's layers, one thread); where only XNNPACK has threads (TF.js's
 * own threaded start in a browser) XNNPACK's stays.
 */
function matchingKernels(backend: KernelBackend): SimdKernels | undefined {
  const threads = (backend as unknown as Partial<WasmBackendParts>).wasm?.tfjs.getThreadsCount();
  const memory = wasmMemoryOf(backend);
  const kernels = memory === undefined ? undefined : simdKernelsFor(memory);
  return kernels !== undefined && kernels.threads === threads ? kernels : undefined;
}

function offsetOf(backend: KernelBackend, tensor: TensorInfo): number {
  const data = (backend as unknown as WasmBackendParts).dataIdMap.get(tensor.dataId);
  if (data === undefined) throw new Error('directConv: every tensor must live in the wasm backend, but one has no data there. This is a bug.');
  return data.memoryOffset;
}

/**
 * `out = act(conv(x, w) + bias)` with stride `strides`, after zero-padding x by `pads` (XNNPACK's
 * PadV2, so that every output pixel takes the kernel's 4-pixel path), by `direct-conv.wat`.
 *
 * @param run - the wasm backend's runner.
 * @param kernels - Residual's SIMD kernels on its memory.
 * @param x - `[N, H, W, Cin]`.
 * @param w - `[KH, KW, Cin, Cout]`, Cout a multiple of 8.
 * @param bias - `[Cout]`, or `undefined`.
 * @param strides - `[sh, sw]`.
 * @param pads - `[top, bottom, left, right]`, each ≥ 0.
 * @param relu - apply ReLU.
 * @returns `[N, OH, OW, Cout]`.
 */
function directConv(
  run: KernelRunner,
  kernels: SimdKernels,
  x: TensorInfo,
  w: TensorInfo,
  bias: TensorInfo | undefined,
  strides: readonly [number, number],
  pads: readonly [number, number, number, number],
  relu: boolean,
): TensorInfo {
  const [top, bottom, left, right] = pads;
  const padded = top + bottom + left + right === 0 ? x : run.run('PadV2', { x }, { paddings: [[0, 0], [top, bottom], [left, right], [0, 0]], constantValue: 0 });
  const [batch = 1, height = 1, width = 1, inChannels = 1] = padded.shape;
  const [kernelHeight = 1, kernelWidth = 1, , outChannels = 1] = w.shape;
  const outHeight = Math.floor((height - kernelHeight) / strides[0]) + 1;
  const outWidth = Math.floor((width - kernelWidth) / strides[1]) + 1;
  const backend = run.backend;
  const out = (backend as unknown as WasmBackendParts).makeOutput([batch, outHeight, outWidth, outChannels], 'float32'); // [N, OH, OW, Cout]
  kernels.conv(
    [
      offsetOf(backend, padded), offsetOf(backend, w), bias === undefined ? 0 : offsetOf(backend, bias), offsetOf(backend, out),
      batch, height, width, inChannels, outHeight, outWidth, outChannels,
      kernelHeight, kernelWidth, strides[0], strides[1], 0, 0, relu ? 1 : 0,
    ],
    batch,
  );
  if (padded !== x) run.dispose(padded);
  return out;
}

/**
 * The wasm backend's `FusedConv2D` (a convolution with an optional bias and ReLU: every
 * convolution of Residual's training and folded inference) by Residual's SIMD kernel when its
 * threads match XNNPACK's, NHWC, no dilation, Cout a multiple of 8; XNNPACK's otherwise.
 *
 * @param backendName - `'wasm'`.
 * @returns a config for `tf.registerKernel`.
 * @example
 * tf.registerKernel(fusedConv2dSimdConfig('wasm'));
 */
export function fusedConv2dSimdConfig(backendName: string): KernelConfig {
  return runnerKernel(tf.FusedConv2D, backendName, (run, inputs, attrs) => {
    const x = inputs['x'] as TensorInfo;
    const filter = inputs['filter'] as TensorInfo;
    const bias = inputs['bias'] as TensorInfo | undefined;
    const activation = attrs['activation'] as string | undefined;
    const dilations = (attrs['dilations'] as number | [number, number] | undefined) ?? 1;
    const kernels = matchingKernels(run.backend);
    const takes =
      kernels !== undefined &&
      attrs['dataFormat'] !== 'NCHW' &&
      (typeof dilations === 'number' ? dilations === 1 : dilations.every((d) => d === 1)) &&
      (activation === undefined || activation === 'linear' || activation === 'relu') &&
      inputs['preluActivationWeights'] === undefined &&
      x.dtype === 'float32' &&
      (filter.shape[3] ?? 0) % 8 === 0 &&
      (bias === undefined || bias.shape.length === 1);
    if (!takes) {
      const stock = stockKernel(tf.FusedConv2D, backendName);
      if (stock === undefined) throw new Error(`FusedConv2D: backend '${backendName}' must ship a stock FusedConv2D kernel, but got none. Use a TF.js 4.22 backend.`);
      return stock.kernelFunc({ inputs, attrs, backend: run.backend }) as TensorInfo;
    }
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      filter.shape as [number, number, number, number],
      attrs['strides'] as [number, number],
      1,
      attrs['pad'] as 'same',
      attrs['dimRoundingMode'] as 'floor' | undefined,
    );
    const { top, bottom, left, right } = info.padInfo;
    // Rounding modes other than floor give output sizes the kernel does not make: stock then.
    const expected = Math.floor((info.inHeight + top + bottom - info.filterHeight) / info.strideHeight) + 1;
    if (expected !== info.outHeight || Math.floor((info.inWidth + left + right - info.filterWidth) / info.strideWidth) + 1 !== info.outWidth) {
      return (stockKernel(tf.FusedConv2D, backendName)?.kernelFunc({ inputs, attrs, backend: run.backend }) ?? undefined) as TensorInfo;
    }
    return directConv(run, kernels, x, filter, bias, [info.strideHeight, info.strideWidth], [top, bottom, left, right], activation === 'relu');
  });
}

/**
 * The wasm backend's `Conv2DBackpropInput` for stride 1 by Residual's SIMD kernel (when its threads
 * match XNNPACK's): the forward kernel on `dy` with the filter flipped in space and its channel
 * axes swapped (made on the host; it is small), padded by `KH − 1 − top` rows and `KW − 1 − left`
 * columns. Other cases (strides, NCHW, Cin not a multiple of 8, no matching threads) go to
 * {@link conv2dBackpropInput}, which runs XNNPACK.
 *
 * @param backendName - `'wasm'`.
 * @returns a config for `tf.registerKernel`.
 * @example
 * tf.registerKernel(conv2dBackpropInputSimdConfig('wasm'));
 */
export function conv2dBackpropInputSimdConfig(backendName: string): KernelConfig {
  return runnerKernel(tf.Conv2DBackpropInput, backendName, (run, inputs, attrs) => {
    const dy = inputs['dy'] as TensorInfo;
    const filter = inputs['filter'] as TensorInfo;
    const convAttrs = attrs as unknown as Conv2DBackpropInputAttrs;
    const kernels = matchingKernels(run.backend);
    const [kernelHeight = 1, kernelWidth = 1, inChannels = 1, outChannels = 1] = filter.shape;
    const info =
      convAttrs.dataFormat === 'NCHW'
        ? undefined
        : tf.backend_util.computeConv2DInfo(convAttrs.inputShape, filter.shape as [number, number, number, number], convAttrs.strides, 1, convAttrs.pad, convAttrs.dimRoundingMode);
    const pads =
      info === undefined
        ? undefined
        : ([
            kernelHeight - 1 - info.padInfo.top,
            info.inHeight - info.outHeight + kernelHeight - 1 - (kernelHeight - 1 - info.padInfo.top),
            kernelWidth - 1 - info.padInfo.left,
            info.inWidth - info.outWidth + kernelWidth - 1 - (kernelWidth - 1 - info.padInfo.left),
          ] as const);
    const takes =
      kernels !== undefined &&
      info !== undefined &&
      pads !== undefined &&
      info.strideHeight === 1 &&
      info.strideWidth === 1 &&
      dy.dtype === 'float32' &&
      inChannels % 8 === 0 &&
      pads.every((pad) => pad >= 0);
    if (!takes) return conv2dBackpropInput(run, dy, filter, convAttrs);
    // w'[i, j, d, c] = W[KH − 1 − i, KW − 1 − j, c, d]: [KH, KW, Cout, Cin]
    const weights = run.backend.readSync(filter.dataId) as Float32Array;
    const flipped = new Float32Array(weights.length);
    for (let i = 0; i < kernelHeight; i++) {
      for (let j = 0; j < kernelWidth; j++) {
        const from = ((kernelHeight - 1 - i) * kernelWidth + (kernelWidth - 1 - j)) * inChannels * outChannels;
        const to = (i * kernelWidth + j) * outChannels * inChannels;
        for (let c = 0; c < inChannels; c++) {
          for (let d = 0; d < outChannels; d++) flipped[to + d * inChannels + c] = weights[from + c * outChannels + d] ?? 0;
        }
      }
    }
    const w = run.write(flipped, [kernelHeight, kernelWidth, outChannels, inChannels]);
    const dx = directConv(run, kernels, dy, w, undefined, [1, 1], pads, false); // [N, H, W, Cin]
    run.dispose(w);
    return dx;
  });
}
