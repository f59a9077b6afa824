import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import { BackendWasm, getThreadsCount, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { controlLength, kernelExports, kernelPool, registerKernelPool, workerLoop } from '../kernels/wasm-simd/kernel-pool.js';
import { kernelModules } from '../kernels/wasm-simd/simd-kernels.js';
import { rememberWasmMemory } from '../kernels/wasm-simd/wasm-memory.js';
import { backendOf, coreCountImports, type WasmModule } from './wasm-module.js';

const require = createRequire(import.meta.url);


/** The emscripten factory options Residual passes (emscripten's own `Module` settings). */
interface FactoryConfig {
  locateFile(path: string, prefix: string): string | URL;
  mainScriptUrlOrBlob: string;
  wasmMemory: WebAssembly.Memory;
  instantiateWasm(imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void): object;
}

/** The most threads the threaded build can start (emscripten's pthread pool size in TF.js 4.22). */
const maxThreads = 8;

/** TF.js registers its wasm backend with this priority; Residual's keeps it. */
const wasmPriority = 2;

/** The thread count Residual uses when none is asked for: every core Node may use. */
export function defaultWasmThreads(): number {
  return Math.min(availableParallelism(), maxThreads);
}

/**
 * Makes TF.js's `wasm` backend use `threads` CPU threads in Node (XNNPACK's thread pool), which
 * TF.js 4.22 turns off there (`WASM_HAS_MULTITHREAD_SUPPORT` is false in Node, tfjs issue 3830).
 * It registers a `wasm` factory that starts the threaded SIMD build the package ships
 * (`wasm-out/tfjs-backend-wasm-threaded-simd.*`) through emscripten's own settings: `locateFile`
 * gives the pthread worker as a `data:` URL module (Node's `Worker` refuses the `blob:` URL TF.js
 * makes, ERR_WORKER_PATH) and the binary as a file path; `mainScriptUrlOrBlob` gives the workers
 * the factory script's path. Nothing global is patched. Residual's own SIMD kernels get as many
 * threads (workers on the same memory). With `threads` 1 the stock single-threaded SIMD build stays. Call it before the wasm backend first starts; once started it is left as is.
 *
 * @param threads - threads for XNNPACK, ≥ 1; default every core Node may use.
 * @returns the thread count the wasm backend will have, or has if it had already started.
 * @example
 * useWasmThreads(2);
 * await tf.setBackend('wasm'); // convolutions now run on 2 threads
 */
export function useWasmThreads(threads = defaultWasmThreads()): number {
  if (!Number.isInteger(threads) || threads < 1 || threads > maxThreads) {
    throw new Error(`useWasmThreads: threads must be an integer from 1 to ${maxThreads}, but got ${threads}. Pass e.g. 2, or nothing for every core.`);
  }
  if (startedWasm() !== undefined) return getThreadsCount();
  if (tf.findBackendFactory('wasm') !== null) tf.removeBackend('wasm');
  setThreadsCount(threads);
  tf.registerBackend('wasm', threads === 1 ? stockFactory : () => threadedFactory(threads), wasmPriority);
  return threads;
}

/** The wasm backend when it has started, else `undefined` (`tf.findBackend` would start none). */
function startedWasm(): BackendWasm | undefined {
  const registry = (tf.engine() as unknown as { registry: Record<string, tf.KernelBackend | undefined> }).registry;
  return registry['wasm'] as BackendWasm | undefined;
}

/** TF.js's own factory: the single-threaded SIMD build. */
async function stockFactory(): Promise<BackendWasm> {
  const wasmOut = wasmOutDir();
  const factory = require(join(wasmOut, 'tfjs-backend-wasm.js')) as (config: Partial<FactoryConfig>) => Promise<WasmModule>;
  const module = await factory({ locateFile: (path) => join(wasmOut, path === 'tfjs-backend-wasm.wasm' ? 'tfjs-backend-wasm-simd.wasm' : path) });
  return backendOf(module, BackendWasm);
}

async function threadedFactory(threads: number): Promise<BackendWasm> {
  const wasmOut = wasmOutDir();
  const script = join(wasmOut, 'tfjs-backend-wasm-threaded-simd.js');
  const factory = require(script) as (config: FactoryConfig) => Promise<WasmModule>;
  const { wasmWorkerContents } = require(join(wasmOut, 'tfjs-backend-wasm-threaded-simd.worker.js')) as { wasmWorkerContents: string };
  // The worker script TF.js ships is CommonJS text meant for a blob: URL, with its "\n" escapes
  // turned into newlines by the template literal that holds it (TF.js escapes them back, as here).
  // As a data: URL it runs as an ES module, so it gets the two CommonJS names it uses.
  const worker = [
    "import { createRequire } from 'node:module';",
    `const require = createRequire(${JSON.stringify(pathToFileURL(script).href)});`,
    `const __filename = ${JSON.stringify(script)};`,
    wasmWorkerContents.replace(/\n/g, '\\n'),
  ].join('\n');
  const workerUrl = new URL(`data:text/javascript,${encodeURIComponent(worker)}`);
  const binary = await readFile(join(wasmOut, 'tfjs-backend-wasm-threaded-simd.wasm'));
  // The memory the module would create itself (16 MiB, growing to 4 GiB), made here so that
  // Residual's SIMD kernels can work on the tensors in it (rememberWasmMemory).
  const memory = new WebAssembly.Memory({ initial: 256, maximum: 65536, shared: true });
  const module = await factory({
    wasmMemory: memory,
    locateFile: (path) => (path.endsWith('.worker.js') ? workerUrl : join(wasmOut, path)),
    mainScriptUrlOrBlob: script,
    instantiateWasm: (imports, receive) => {
      void WebAssembly.instantiate(binary, coreCountImports(imports, threads)).then(({ instance, module: compiled }) => receive(instance, compiled));
      return {};
    },
  });
  const backend = backendOf(module, BackendWasm);
  rememberWasmMemory(backend, memory);
  startKernelThreads(memory, threads);
  // XNNPACK's pool threads now wait for work for the life of the process, and emscripten holds a
  // reference on each running worker, so Node would never exit. Between kernels they are idle (the
  // main thread waits for them inside each kernel), so they need not keep Node alive.
  for (const worker of (module as unknown as { PThread: { runningWorkers: Array<{ unref(): void }> } }).PThread.runningWorkers) worker.unref();
  return backend;
}

/**
 * Starts `threads − 1` workers for Residual's SIMD kernels on `memory` (XNNPACK's pool serves only
 * XNNPACK), so that they too split each call among the threads. Workers are unref'ed: waiting for
 * work, they do not keep Node running.
 */
function startKernelThreads(memory: WebAssembly.Memory, threads: number): void {
  const control = new Int32Array(new SharedArrayBuffer(controlLength * 4));
  const modules = kernelModules('shared');
  const source = `import { workerData } from 'node:worker_threads';\nconst { memory, modules, control, index, threads } = workerData;\n${workerLoop}`;
  const url = new URL(`data:text/javascript,${encodeURIComponent(source)}`);
  for (let index = 1; index < threads; index++) {
    new Worker(url, { workerData: { memory, modules, control: control.buffer, index, threads } }).unref();
  }
  const calling = modules.map((compiled, i) => new WebAssembly.Instance(compiled, { env: { memory } }).exports[kernelExports[i] ?? ''] as (...args: number[]) => void);
  registerKernelPool(memory, kernelPool(control, threads, calling, true));
}

function wasmOutDir(): string {
  return join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'wasm-out');
}
