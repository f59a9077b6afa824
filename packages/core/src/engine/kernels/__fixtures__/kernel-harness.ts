import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-layers'; // registers TF.js's gradient functions (tfjs-core alone does not)
import { stockKernel } from '../stock-kernels.js';

/** A host-side tensor for kernel tests. */
export interface HostTensor {
  readonly shape: number[];
  readonly data: Float32Array;
}

/** Random values in [-1, 1) from a seeded stream, so fast-check can replay failures. */
export function hostTensor(shape: number[], seed: number): HostTensor {
  let state = seed >>> 0 || 1;
  const size = shape.reduce((product, dim) => product * dim, 1);
  const data = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    data[i] = ((state >>> 0) / 4294967296) * 2 - 1;
  }
  return { shape, data };
}

/**
 * Runs a kernel on a backend and returns the result on the host. `stock: true` calls the kernel
 * the backend shipped with (even if Residual replaced it) — the reference.
 */
export async function runKernelOn(
  backendName: string,
  kernelName: string,
  inputs: Record<string, HostTensor>,
  attrs: Record<string, unknown>,
  stock = false,
): Promise<HostTensor> {
  await tf.setBackend(backendName);
  const tensors: Record<string, tf.Tensor> = {};
  for (const [name, value] of Object.entries(inputs)) tensors[name] = tf.tensor(value.data, value.shape);
  let out: tf.Tensor;
  if (stock) {
    const config = stockKernel(kernelName, backendName);
    if (config === undefined) throw new Error(`no stock ${kernelName} on ${backendName}`);
    const info = config.kernelFunc({ inputs: tensors, backend: tf.backend(), attrs: attrs as tf.NamedAttrMap }) as tf.TensorInfo;
    out = tf.engine().makeTensorFromTensorInfo(info);
  } else {
    out = tf.engine().runKernel(kernelName, tensors, attrs as tf.NamedAttrMap) as tf.Tensor;
  }
  const result = { shape: out.shape, data: (await out.data()) as Float32Array };
  out.dispose();
  Object.values(tensors).forEach((tensor) => tensor.dispose());
  return result;
}

/** Largest absolute difference relative to the reference's scale. */
export function maxRelativeError(actual: HostTensor, expected: HostTensor): number {
  let scale = 1;
  for (const value of expected.data) scale = Math.max(scale, Math.abs(value));
  let worst = 0;
  for (let i = 0; i < expected.data.length; i++) {
    worst = Math.max(worst, Math.abs((actual.data[i] ?? Number.NaN) - (expected.data[i] ?? 0)) / scale);
  }
  return Number.isNaN(worst) ? Number.POSITIVE_INFINITY : worst;
}
