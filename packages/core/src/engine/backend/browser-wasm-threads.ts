/// <reference path="./tfjs-wasm-out.d.ts" />
import * as tf from '@tensorflow/tfjs-core';
import { controlLength, kernelExports, kernelPool, registerKernelPool, workerLoop } from '../kernels/wasm-simd/kernel-pool.js';
import { kernelModules } from '../kernels/wasm-simd/simd-kernels.js';
import { rememberWasmMemory } from '../kernels/wasm-simd/wasm-memory.js';
import { backendOf, coreCountImports } from './wasm-module.js';

/** Options of {@link useBrowserWasmThreads}. */
export interface BrowserWasmThreadsOptions {
  /** Threads, 1–8; default every core the browser reports (`navigator.hardwareConcurrency`). */
  readonly threads?: number;
  /** Where the `.wasm` files are served: a URL prefix ending in `/` (as for `setWasmPaths`). */
  readonly wasmPaths: string;
}

/**
 * Makes TF.js's `wasm` backend in a browser run XNNPACK and Residual's SIMD kernels on `threads`
 * threads. TF.js's own threaded start (in a cross-origin isolated page) caps its pool at half the
 * cores the browser reports (1 on a 2-core machine) and keeps its memory to itself, so Residual's
 * kernels could not reach the tensors; this registers a `wasm` factory that starts the same
 * threaded SIMD build through emscripten's settings (the worker and main script as Blobs, as TF.js
 * does; Residual's memory; the core count answered as `2 × threads`) and starts Residual's kernel
 * workers. On one thread in such a page it starts the same build the same way, without kernel
 * workers: TF.js's own start would hide the memory there too, and Residual's kernels would step
 * aside (Chromium trained ResNet-20 at 78 images/s instead of Node's ~105, its filter gradient
 * 2.3× slower). Outside a cross-origin isolated page (no SharedArrayBuffer) it changes nothing and
 * returns 1: TF.js then runs its single-threaded SIMD build, whose memory Residual's kernels reach.
 * Call it before the wasm backend first starts.
 *
 * @param options - `wasmPaths` (required) and `threads`.
 * @returns the threads the wasm backend will use.
 * @example
 * await import('@tensorflow/tfjs-backend-wasm');
 * useBrowserWasmThreads({ wasmPaths: '/tfjs-wasm/' }); // 2 on a 2-core machine with COOP/COEP
 * await tf.setBackend('wasm');
 */
export function useBrowserWasmThreads(options: BrowserWasmThreadsOptions): number {
  const reported = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 1;
  const threads = options.threads ?? Math.min(Math.max(reported, 1), 8);
  if (!Number.isInteger(threads) || threads < 1 || threads > 8) {
    throw new Error(`useBrowserWasmThreads: threads must be an integer from 1 to 8, but got ${threads}. Pass e.g. 2, or nothing for every core.`);
  }
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true && typeof SharedArrayBuffer !== 'undefined';
  if (!isolated) return 1;
  if ((tf.engine() as unknown as { registry: Record<string, unknown> }).registry['wasm'] !== undefined) {
    throw new Error('useBrowserWasmThreads: the wasm backend must not have started yet, but it has. Call it before tf.setBackend(\'wasm\').');
  }
  if (tf.findBackendFactory('wasm') !== null) tf.removeBackend('wasm');
  tf.registerBackend('wasm', () => threadedBackend(threads, options.wasmPaths), 2);
  return threads;
}

async function threadedBackend(threads: number, wasmPaths: string): Promise<tf.KernelBackend> {
  const [wasm, factoryModule, worker] = await Promise.all([
    import('@tensorflow/tfjs-backend-wasm'),
    import('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js'),
    import('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.worker.js'),
  ]);
  const factory = (factoryModule as { default?: unknown }).default ?? factoryModule;
  const binaryUrl = `${wasmPaths}tfjs-backend-wasm-threaded-simd.wasm`;
  const memory = new WebAssembly.Memory({ initial: 256, maximum: 65536, shared: true });
  const config = {
    locateFile: (path: string) =>
      path.endsWith('.worker.js')
        ? URL.createObjectURL(new Blob([worker.wasmWorkerContents.replace(/\n/g, '\\n')], { type: 'application/javascript' }))
        : `${wasmPaths}${path}`,
    mainScriptUrlOrBlob: new Blob([`var WasmBackendModuleThreadedSimd = ${String(factory)}`], { type: 'text/javascript' }),
    wasmMemory: memory,
    instantiateWasm: (imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) => {
      void fetch(binaryUrl, { credentials: 'same-origin' })
        .then((response) => response.arrayBuffer())
        .then((binary) => WebAssembly.instantiate(binary, coreCountImports(imports, threads)))
        .then(({ instance, module }) => receive(instance, module));
      return {};
    },
  };
  wasm.setThreadsCount(threads);
  const module = await (factory as (settings: typeof config) => Promise<Parameters<typeof backendOf>[0]>)(config);
  const backend = backendOf(module, wasm.BackendWasm);
  rememberWasmMemory(backend, memory);
  if (threads > 1) await startKernelWorkers(memory, threads); // one thread: the kernels run on the calling thread
  return backend;
}

/**
 * Residual's kernel workers (see kernel-pool.ts) as Blob-URL workers, resolved once each has its
 * kernels (the main thread spins while they work, so they must be running before the first call).
 */
async function startKernelWorkers(memory: WebAssembly.Memory, threads: number): Promise<void> {
  const control = new Int32Array(new SharedArrayBuffer(controlLength * 4));
  const modules = kernelModules('shared');
  const source = `self.onmessage = (event) => {\nself.onmessage = null;\nconst ready = () => postMessage('ready');\nconst { memory, modules, control, index, threads } = event.data;\n${workerLoop}\n};`;
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const started: Array<Promise<void>> = [];
  for (let index = 1; index < threads; index++) {
    const worker = new Worker(url);
    started.push(new Promise((resolve, reject) => {
      worker.onmessage = () => resolve();
      worker.onerror = (event) => reject(new Error(`useBrowserWasmThreads: a kernel worker must start, but it failed: ${event.message}.`));
    }));
    worker.postMessage({ memory, modules, control: control.buffer, index, threads });
  }
  await Promise.all(started);
  const calling = modules.map((compiled, i) => new WebAssembly.Instance(compiled, { env: { memory } }).exports[kernelExports[i] ?? ''] as (...args: number[]) => void);
  registerKernelPool(memory, kernelPool(control, threads, calling, typeof (globalThis as { window?: unknown }).window === 'undefined'));
}
