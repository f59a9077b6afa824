// Makes the benchmark's TF.js backend ready: webgpu on Dawn (a real GPU, or Mesa's software
// renderer for a dry run), wasm or cpu, with Residual's kernels unless `kernels` is 'stock'.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-layers'; // registers TF.js's gradient functions (tfjs-core alone does not)
import { registerTrainingKernels } from '@residual/core';
// Residual's WebGPU kernels are not re-exported by @residual/core yet; bench/ reads them from source.
import { registerWebGpuKernels } from '@residual/core';
import { installNodeWebGpu, softwareWebGpuOptions, useWasmThreads } from '@residual/core/node';

/** Which backend the benchmark runs on and with which kernels. */
export interface BenchBackendOptions {
  readonly backend: 'webgpu' | 'wasm' | 'cpu';
  /** webgpu only: the GPU Dawn finds (`hardware`) or Mesa's llvmpipe (`software`, slow, for dry runs). */
  readonly adapter: 'hardware' | 'software';
  /** `residual`: Residual's kernels registered over TF.js's; `stock`: TF.js 4.22 as shipped. */
  readonly kernels: 'residual' | 'stock';
  /** wasm only: XNNPACK's threads (TF.js alone uses 1 in Node). */
  readonly threads: number;
}

/**
 * Activates the backend and returns a description of the device for the result lines.
 *
 * @param options - backend, adapter, kernels.
 * @returns the device description, e.g. `NVIDIA H100 80GB HBM3` or `wasm (2 threads)`.
 * @example
 * const device = await setUpBenchBackend({ backend: 'webgpu', adapter: 'hardware', kernels: 'residual', threads: 1 });
 */
export async function setUpBenchBackend(options: BenchBackendOptions): Promise<string> {
  let device: string = options.backend;
  if (options.backend === 'webgpu') {
    const gpu = await installNodeWebGpu(options.adapter === 'software' ? softwareWebGpuOptions : { flags: [] });
    if (!gpu.available) throw new Error(`bench: webgpu must find an adapter, but got none: ${gpu.reason}. Try --adapter software or --backend wasm.`);
    device = gpu.adapter;
    await import('@tensorflow/tfjs-backend-webgpu');
  } else if (options.backend === 'wasm') {
    await import('@tensorflow/tfjs-backend-wasm');
    const threads = useWasmThreads(options.threads);
    device = `wasm (${threads} thread${threads === 1 ? '' : 's'})`;
  } else {
    await import('@tensorflow/tfjs-backend-cpu');
  }
  if (!(await tf.setBackend(options.backend))) throw new Error(`bench: the ${options.backend} backend must initialise, but it did not.`);
  tf.enableProdMode();
  if (options.kernels === 'residual') {
    if (options.backend === 'webgpu') registerWebGpuKernels();
    registerTrainingKernels(options.backend);
  } else if (options.backend === 'wasm') {
    throw new Error('bench: --kernels stock must not be used with wasm, but got both. Stock TF.js 4.22 wasm cannot train a conv net (no Conv2DBackpropFilter).');
  }
  return device;
}
