import * as tf from '@tensorflow/tfjs-core';
import type { EpilogueActivation } from './epilogue-wgsl.js';
import { webGpuKernelCounts } from './stock-webgpu-kernels.js';

/** The convolution kernels Residual provides on webgpu. */
export type ConvKernelName = 'Conv2D' | 'FusedConv2D' | 'Conv2DBackpropInput' | 'Conv2DBackpropFilter';

/** One NHWC convolution to check; the kernel's inputs are drawn from `seed`. */
export interface ConvCase {
  readonly batch: number;
  readonly height: number;
  readonly width: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly filterHeight: number;
  readonly filterWidth: number;
  readonly strideHeight: number;
  readonly strideWidth: number;
  /** TF.js padding: `'same'`, `'valid'`, or zeros per side (square filters and equal strides only). */
  readonly pad: 'same' | 'valid' | number;
  /** `FusedConv2D` only: the activation (default linear) and whether a bias is added. */
  readonly activation?: EpilogueActivation;
  readonly bias?: boolean;
  readonly seed: number;
}

/** What {@link compareConvKernel} found. */
export interface ConvComparison {
  readonly outputShape: number[];
  /** Largest |webgpu − reference| over the reference's largest magnitude (at least 1). */
  readonly maxError: number;
  /** Whether Residual's shader ran (not a hand-over to the stock kernel). */
  readonly ranResidual: boolean;
}

/** Values in [−1, 1) from a xorshift stream, so a failing case replays. */
function seeded(shape: number[], seed: number): tf.Tensor {
  let state = seed >>> 0 || 1;
  const data = new Float32Array(tf.util.sizeFromShape(shape));
  for (let i = 0; i < data.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    data[i] = ((state >>> 0) / 4294967296) * 2 - 1;
  }
  return tf.tensor(data, shape);
}

/** The kernel's inputs (shapes and seeds) and attributes for one case. */
function kernelCall(name: ConvKernelName, c: ConvCase) {
  const xShape = [c.batch, c.height, c.width, c.inChannels]; // [N, H, W, C]
  const filterShape: [number, number, number, number] = [c.filterHeight, c.filterWidth, c.inChannels, c.outChannels];
  const strides: [number, number] = [c.strideHeight, c.strideWidth];
  const info = tf.backend_util.computeConv2DInfo(xShape as [number, number, number, number], filterShape, strides, 1, c.pad);
  const common = { strides, pad: c.pad, dataFormat: 'NHWC' };
  const inputs: Record<string, [number[], number]> = {};
  let attrs: tf.NamedAttrMap;
  if (name === 'Conv2DBackpropInput') {
    inputs['dy'] = [info.outShape, c.seed];
    inputs['filter'] = [filterShape, c.seed + 1];
    attrs = { ...common, inputShape: xShape };
  } else if (name === 'Conv2DBackpropFilter') {
    inputs['x'] = [xShape, c.seed];
    inputs['dy'] = [info.outShape, c.seed + 1];
    attrs = { ...common, filterShape };
  } else {
    inputs['x'] = [xShape, c.seed];
    inputs['filter'] = [filterShape, c.seed + 1];
    attrs = { ...common, dilations: [1, 1] };
    if (name === 'FusedConv2D') {
      attrs = { ...attrs, activation: c.activation ?? 'linear', leakyreluAlpha: 0.3 };
      if (c.bias === true) inputs['bias'] = [[c.outChannels], c.seed + 2];
    }
  }
  return { inputs, attrs };
}

/** Runs kernel `name` on `backendName` and reads the result back. */
async function runOn(backendName: string, name: ConvKernelName, c: ConvCase): Promise<{ shape: number[]; data: Float32Array }> {
  await tf.setBackend(backendName);
  const { inputs, attrs } = kernelCall(name, c);
  const tensors = Object.fromEntries(Object.entries(inputs).map(([key, [shape, seed]]) => [key, seeded(shape, seed)]));
  const out = tf.engine().runKernel(name, tensors, attrs) as tf.Tensor;
  const result = { shape: out.shape, data: (await out.data()) as Float32Array };
  tf.dispose([out, ...Object.values(tensors)]);
  return result;
}

/**
 * Runs one convolution kernel on the webgpu backend and on a reference backend (default cpu) with
 * the same seeded inputs, and measures how far apart they are. Both backends must be registered;
 * the active backend is left as `webgpu`.
 *
 * @param name - the kernel.
 * @param convCase - shapes, strides, padding, epilogue and seed.
 * @param reference - the backend to trust; default `'cpu'`.
 * @returns the output shape, the largest relative difference, and whether Residual's shader ran.
 * @example
 * const { maxError, ranResidual } = await compareConvKernel('Conv2DBackpropFilter', {
 *   batch: 2, height: 8, width: 8, inChannels: 4, outChannels: 8, filterHeight: 3, filterWidth: 3,
 *   strideHeight: 2, strideWidth: 2, pad: 'same', seed: 1,
 * }); // maxError ≈ 1e-7, ranResidual: true
 */
export async function compareConvKernel(name: ConvKernelName, convCase: ConvCase, reference = 'cpu'): Promise<ConvComparison> {
  const expected = await runOn(reference, name, convCase);
  const before = webGpuKernelCounts()[name]?.residual ?? 0;
  const actual = await runOn('webgpu', name, convCase);
  const ranResidual = (webGpuKernelCounts()[name]?.residual ?? 0) > before;
  const [want, got] = [expected.data, actual.data];
  let scale = 1;
  for (const value of want) scale = Math.max(scale, Math.abs(value));
  let worst = tf.util.arraysEqual(expected.shape, actual.shape) ? 0 : Number.POSITIVE_INFINITY;
  for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs((got[i] ?? Number.NaN) - (want[i] ?? 0)) / scale);
  return { outputShape: actual.shape, maxError: Number.isNaN(worst) ? Number.POSITIVE_INFINITY : worst, ranResidual };
}
