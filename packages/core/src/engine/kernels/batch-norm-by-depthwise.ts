import * as tf from '@tensorflow/tfjs-core';
import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import { runnerKernel, type KernelRunner } from './kernel-runner.js';
import { stockKernel } from './stock-kernels.js';

/**
 * Residual's `FusedBatchNorm` for the wasm backend: `(x − mean) · scale / √(variance + ε) + offset`
 * with per-channel `mean`, `variance`, `scale` and `offset` (each `[C]` or one value) is the affine
 * map `x · a + b`, `a = scale / √(variance + ε)`, `b = offset − mean · a`, folded on the host from the
 * `C` values and run as one 1×1 depthwise convolution with a bias: XNNPACK, in place, on every
 * thread (~1 ms on `[128, 32, 32, 16]` where TF.js 4.22's loop takes ~7.6 ms). An `offset` of x's
 * full shape (`multiplyAdd`: the optimiser's updates, batch norm's input gradient) adds one `Add`.
 * Other shapes and dtypes go to the stock kernel.
 *
 * @param backendName - `'wasm'` (any backend with `FusedDepthwiseConv2D`, `Add` and `Reshape`).
 * @returns the kernel config to pass to `tf.registerKernel`.
 * @example
 * tf.registerKernel(batchNormByDepthwiseConfig('wasm'));
 * tf.batchNorm(x, mean, variance, offset, scale, 1e-5); // x: [N, H, W, C], one depthwise convolution
 */
export function batchNormByDepthwiseConfig(backendName: string): KernelConfig {
  return runnerKernel(tf.FusedBatchNorm, backendName, (run, inputs, attrs) => {
    const x = inputs['x'] as TensorInfo;
    const epsilon = (attrs['varianceEpsilon'] as number | undefined) ?? 0.001;
    const folded = x.dtype === 'float32' && x.shape.length >= 1 && x.shape.length <= 4 ? fold(run, x, inputs, epsilon) : undefined;
    // The wasm backend records each buffer's shape when a kernel allocates it, and some kernels read
    // that record (a bias must be rank 1): a result must come from a kernel that allocated it in
    // x's shape, so a 1-D–3-D x without a full-size offset (the optimiser's small vectors) stays stock.
    if (folded === undefined || (x.shape.length !== 4 && folded.fullOffset === undefined)) {
      const stock = stockKernel(tf.FusedBatchNorm, backendName);
      if (stock === undefined) {
        throw new Error(`FusedBatchNorm: backend '${backendName}' must ship a stock FusedBatchNorm kernel, but got none. Use a TF.js 4.22 backend.`);
      }
      return stock.kernelFunc({ inputs, attrs, backend: run.backend }) as TensorInfo;
    }
    const channels = x.shape[x.shape.length - 1] ?? 1;
    const filter = run.write(folded.gain, [1, 1, channels, 1]); // [1, 1, C, 1]
    const bias = run.write(folded.shift, [channels]); // [C]
    const x4 = run.reshape(x, asFourD(x.shape)); // [N, H, W, C]
    const affine = run.run('FusedDepthwiseConv2D', { x: x4, filter, bias }, { strides: [1, 1], pad: 'valid', dilations: [1, 1], dataFormat: 'NHWC', activation: 'linear' });
    run.dispose(filter, bias, x4);
    if (folded.fullOffset === undefined) return affine; // allocated as [N, H, W, C], x's shape
    const y = run.reshape(affine, x.shape);
    const sum = run.run('Add', { a: y, b: folded.fullOffset }); // allocated in x's shape
    run.dispose(affine, y);
    return sum;
  });
}

/** The per-channel affine map of a batch norm, or `undefined` when its inputs do not allow one. */
interface Folded {
  /** `a[c] = scale[c] / √(variance[c] + ε)` */
  readonly gain: Float32Array;
  /** `b[c] = offset[c] − mean[c] · a[c]` (offset 0 here when it is full-size) */
  readonly shift: Float32Array;
  /** An offset of x's shape, added after the affine map. */
  readonly fullOffset?: TensorInfo;
}

function fold(run: KernelRunner, x: TensorInfo, inputs: Record<string, TensorInfo | undefined>, epsilon: number): Folded | undefined {
  const channels = x.shape[x.shape.length - 1] ?? 1;
  const size = x.shape.reduce((product, dim) => product * dim, 1);
  const perChannel = (name: string, fallback: number): Float32Array | undefined => {
    const input = inputs[name];
    if (input === undefined) return new Float32Array(channels).fill(fallback);
    const count = input.shape.reduce((product, dim) => product * dim, 1);
    if (input.dtype !== 'float32' || (count !== channels && count !== 1)) return undefined;
    const values = run.backend.readSync(input.dataId) as Float32Array;
    return count === channels ? values : new Float32Array(channels).fill(values[0] ?? fallback);
  };
  const mean = perChannel('mean', 0);
  const variance = perChannel('variance', 1);
  const scale = perChannel('scale', 1);
  const offsetInput = inputs['offset'];
  const fullOffset = offsetInput !== undefined && offsetInput.dtype === 'float32' && size > channels && tf.util.arraysEqual(offsetInput.shape, x.shape) ? offsetInput : undefined;
  const offset = fullOffset === undefined ? perChannel('offset', 0) : new Float32Array(channels);
  if (mean === undefined || variance === undefined || scale === undefined || offset === undefined) return undefined;
  const gain = new Float32Array(channels);
  const shift = new Float32Array(channels);
  for (let c = 0; c < channels; c++) {
    gain[c] = (scale[c] ?? 1) / Math.sqrt((variance[c] ?? 1) + epsilon);
    shift[c] = (offset[c] ?? 0) - (mean[c] ?? 0) * (gain[c] ?? 1);
  }
  return fullOffset === undefined ? { gain, shift } : { gain, shift, fullOffset };
}

/** x's shape as `[N, H, W, C]`, channels last and outer axes kept apart (XNNPACK splits rows among threads). */
function asFourD(shape: readonly number[]): number[] {
  const channels = shape[shape.length - 1] ?? 1;
  switch (shape.length) {
    case 4:
      return [...shape];
    case 3:
      return [shape[0] ?? 1, shape[1] ?? 1, 1, channels];
    case 2:
      return [shape[0] ?? 1, 1, 1, channels];
    default:
      return [1, 1, 1, channels];
  }
}
