import type { KernelBackend } from '@tensorflow/tfjs-core';

/** Memories of wasm backends that Residual started itself (TF.js's threaded build imports its memory). */
const known = new WeakMap<object, WebAssembly.Memory>();

/**
 * Records the memory of a wasm backend that Residual created, so that its SIMD kernels can work on
 * the backend's tensors in place.
 *
 * @param backend - the `BackendWasm` instance.
 * @param memory - the `WebAssembly.Memory` its module runs in.
 * @returns nothing.
 * @example
 * rememberWasmMemory(backend, memory);
 */
export function rememberWasmMemory(backend: object, memory: WebAssembly.Memory): void {
  known.set(backend, memory);
}

/**
 * The `WebAssembly.Memory` that holds a wasm backend's tensors: the one Residual gave it, or the
 * one its single-threaded module exports. `undefined` for TF.js's own threaded start (its memory is
 * created inside the module and never exposed): Residual's SIMD kernels then step aside.
 *
 * @param backend - a TF.js wasm backend.
 * @returns its memory, or `undefined`.
 * @example
 * const memory = wasmMemoryOf(tf.backend()); // WebAssembly.Memory in Node
 */
export function wasmMemoryOf(backend: KernelBackend): WebAssembly.Memory | undefined {
  const remembered = known.get(backend);
  if (remembered !== undefined) return remembered;
  const exported = (backend as { wasm?: { asm?: { memory?: unknown } } }).wasm?.asm?.memory;
  return exported instanceof WebAssembly.Memory ? exported : undefined;
}
