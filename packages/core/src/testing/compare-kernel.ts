import * as tf from '@tensorflow/tfjs-core';
import { webGpuKernelCounts } from '../engine/kernels/webgpu/stock-webgpu-kernels.js';

/** What a comparison of one of Residual's WebGPU kernels with a reference backend found. */
export interface KernelComparison {
  readonly outputShape: number[];
  /** Largest |webgpu − reference| over the reference's largest magnitude (at least 1). */
  readonly maxError: number;
  /** Whether Residual's shader ran (not a hand-over to the stock kernel). */
  readonly ranResidual: boolean;
}

/** A kernel input: its shape and the seed its values are drawn from. */
export type SeededInput = readonly [shape: number[], seed: number];

/**
 * A tensor of values in [−1, 1) from a xorshift stream: the same values on every backend, so a
 * failing case replays.
 *
 * @param input - the shape and the seed.
 * @returns a float32 tensor on the active backend.
 * @example
 * const x = seededTensor([[2, 8, 8, 4], 1]); // [N, H, W, C]
 */
export function seededTensor([shape, seed]: SeededInput): tf.Tensor {
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

/** What a run on one backend gave: the output's shape and values. */
export interface BackendRun {
  readonly shape: number[];
  readonly data: Float32Array;
}

/** Runs kernel `name` on `backendName` and reads the result back. */
async function runOn(backendName: string, name: string, inputs: Record<string, SeededInput>, attrs: tf.NamedAttrMap): Promise<BackendRun> {
  await tf.setBackend(backendName);
  const tensors = Object.fromEntries(Object.entries(inputs).map(([key, input]) => [key, seededTensor(input)]));
  const out = tf.engine().runKernel(name, tensors, attrs) as tf.Tensor;
  const result = { shape: out.shape, data: (await out.data()) as Float32Array };
  tf.dispose([out, ...Object.values(tensors)]);
  return result;
}

/**
 * Runs the same computation on a reference backend and on webgpu, and measures how far apart they
 * are and whether Residual's kernel `kernelName` ran its own shader on webgpu. Leaves `webgpu` active.
 *
 * @param kernelName - the kernel whose runs are counted (`webGpuKernelCounts`).
 * @param run - sets the given backend, computes, reads the result back and frees its tensors.
 * @param reference - the backend to trust.
 * @returns the output shape, the largest relative difference, and whether Residual's shader ran.
 * @example
 * await compareOnBackends('Relu', async (backend) => {
 *   await tf.setBackend(backend);
 *   const y = tf.tidy(() => tf.relu(seededTensor([[64], 1])));
 *   const run = { shape: y.shape, data: (await y.data()) as Float32Array };
 *   y.dispose();
 *   return run;
 * }, 'cpu'); // ranResidual: false (Relu is TF.js's own kernel)
 */
export async function compareOnBackends(kernelName: string, run: (backend: string) => Promise<BackendRun>, reference: string): Promise<KernelComparison> {
  const expected = await run(reference);
  const before = webGpuKernelCounts()[kernelName]?.residual ?? 0;
  const actual = await run('webgpu');
  const ranResidual = (webGpuKernelCounts()[kernelName]?.residual ?? 0) > before;
  const maxError = tf.util.arraysEqual(expected.shape, actual.shape) ? maxRelativeError(actual.data, expected.data) : Number.POSITIVE_INFINITY;
  return { outputShape: actual.shape, maxError, ranResidual };
}

/**
 * Runs one kernel on the webgpu backend and on a reference backend (default cpu) with the same
 * seeded inputs, and measures how far apart they are. Both backends must be registered; the
 * active backend is left as `webgpu`.
 *
 * @param name - the TF.js kernel name, e.g. `'Mean'`.
 * @param inputs - each input's shape and seed, by the kernel's input name.
 * @param attrs - the kernel's attributes.
 * @param reference - the backend to trust; default `'cpu'`.
 * @returns the output shape, the largest relative difference, and whether Residual's shader ran.
 * @example
 * await compareKernel('Mean', { x: [[8, 4, 4, 16], 1] }, { axis: [0, 1, 2], keepDims: false });
 * // { outputShape: [16], maxError ≈ 1e-7, ranResidual: true }
 */
export async function compareKernel(
  name: string,
  inputs: Record<string, SeededInput>,
  attrs: tf.NamedAttrMap,
  reference = 'cpu',
): Promise<KernelComparison> {
  return compareOnBackends(name, (backend) => runOn(backend, name, inputs, attrs), reference);
}

/**
 * The largest |actual − expected| over the expected values' largest magnitude (at least 1): the
 * error measure of every kernel comparison.
 *
 * @param actual - the values to check.
 * @param expected - the reference values.
 * @returns the relative error; infinite when the lengths differ or a value is NaN.
 * @example
 * maxRelativeError(new Float32Array([2, 4.0001]), new Float32Array([2, 4])); // ≈ 2.5e-5
 */
export function maxRelativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let scale = 1;
  for (let i = 0; i < expected.length; i++) scale = Math.max(scale, Math.abs(expected[i] ?? 0));
  let worst = actual.length === expected.length ? 0 : Number.POSITIVE_INFINITY;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs((actual[i] ?? Number.NaN) - (expected[i] ?? 0)) / scale);
  return Number.isNaN(worst) ? Number.POSITIVE_INFINITY : worst;
}
