import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** The emscripten module of tfjs-backend-wasm, as far as Residual touches it. */
export type WasmModule = ConstructorParameters<typeof BackendWasm>[0];
type Cwrap = (name: string, returns: string | null, args: string[]) => (...args: number[]) => number;

/**
 * The imports of TF.js's threaded binary with the core count it asks emscripten for answered as
 * `2 × threads`: TF.js caps its pool at half the logical cores (it assumes two hyperthreads per
 * core, so a 2-core machine gets 1 thread), and with this answer the cap is `threads`.
 *
 * @param imports - emscripten's imports for the module (`instantiateWasm`'s first argument).
 * @param threads - the threads wanted.
 * @returns the imports to instantiate the binary with.
 * @example
 * WebAssembly.instantiate(binary, coreCountImports(imports, 2));
 */
export function coreCountImports(imports: WebAssembly.Imports, threads: number): WebAssembly.Imports {
  return { ...imports, env: { ...imports['env'], emscripten_num_logical_cores: () => 2 * threads } };
}

/**
 * A TF.js wasm backend on an emscripten module Residual started: what TF.js's own `init()` adds to
 * the module (its `tfjs` functions), then the backend, which reads `setThreadsCount`.
 *
 * @param module - the module the factory resolved to.
 * @param Backend - `BackendWasm` of `@tensorflow/tfjs-backend-wasm`.
 * @returns the backend.
 * @example
 * const backend = backendOf(await factory(config), BackendWasm);
 */
export function backendOf(module: WasmModule, Backend: typeof BackendWasm): BackendWasm {
  const cwrap = (module as unknown as { cwrap: Cwrap }).cwrap;
  module.tfjs = {
    init: cwrap('init', null, []),
    initWithThreadsCount: cwrap('init_with_threads_count', null, ['number']),
    getThreadsCount: cwrap('get_threads_count', 'number', []),
    registerTensor: cwrap('register_tensor', null, ['number', 'number', 'number']),
    disposeData: cwrap('dispose_data', null, ['number']),
    dispose: cwrap('dispose', null, []),
  };
  return new Backend(module);
}
