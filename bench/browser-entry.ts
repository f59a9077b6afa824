// Bundled by browser-bench.ts (esbuild) and loaded in headless Chromium: times ResNet training and
// inference on TF.js's wasm backend with Residual's kernels on `?threads=N` (useBrowserWasmThreads:
// the page is cross-origin isolated).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-layers';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { benchmark, buildModel, registerTrainingKernels, simdKernelThreads, useBrowserWasmThreads, type BenchmarkResult, type ModelName } from '@residual/core';

declare global {
  interface Window {
    residualBench: (options: { model: ModelName; modes: Array<'train' | 'infer'>; batchSize: number; steps: number; warmup: number }) => Promise<{
      threads: number;
      /** Threads of Residual's SIMD kernels, `null` when they cannot reach the tensors. */
      simdThreads: number | null;
      isolated: boolean;
      results: BenchmarkResult[];
      params: number;
    }>;
  }
}

window.residualBench = async ({ model: name, modes, batchSize, steps, warmup }) => {
  setWasmPaths('/wasm/');
  useBrowserWasmThreads({ threads: Number(new URL(location.href).searchParams.get('threads') ?? '1'), wasmPaths: '/wasm/' });
  if (!(await tf.setBackend('wasm'))) throw new Error('browser-entry: the wasm backend must initialise, but it did not.');
  tf.enableProdMode();
  registerTrainingKernels('wasm');
  const results: BenchmarkResult[] = [];
  let params = 0;
  for (const mode of modes) {
    const model = buildModel(name, { seed: 1 });
    params = model.layersModel.trainableWeights.reduce((sum, weight) => sum + weight.shape.reduce<number>((size, dim) => size * (dim ?? 1), 1), 0);
    results.push(await benchmark(model.layersModel, { mode, batchSize, steps, warmup }));
    model.dispose();
  }
  return { threads: getThreadsCount(), isolated: globalThis.crossOriginIsolated, simdThreads: simdKernelThreads(), results, params };
};
