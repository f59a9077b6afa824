import * as tf from '@tensorflow/tfjs-core';
import { simdKernelsFor } from './simd-kernels.js';
import { wasmMemoryOf } from './wasm-memory.js';

/**
 * The threads Residual's SIMD kernels (convolution and filter gradient, `*.wat`) run on for a wasm
 * backend, or `null` when they cannot reach its tensors (not wasm, no 128-bit SIMD, or a memory
 * TF.js keeps to itself, as its own threaded start does): the slower fallbacks then run. A check
 * that `useWasmThreads` (Node) or `useBrowserWasmThreads` (browser) did what was meant.
 *
 * @param backend - a TF.js backend; default the active one
 * @returns threads (1 or more), or `null`
 * @example
 * useBrowserWasmThreads({ wasmPaths: '/wasm/', threads: 2 });
 * await tf.setBackend('wasm');
 * simdKernelThreads(); // 2 in a cross-origin isolated page
 */
export function simdKernelThreads(backend: tf.KernelBackend = tf.backend()): number | null {
  const memory = wasmMemoryOf(backend);
  return (memory === undefined ? undefined : simdKernelsFor(memory))?.threads ?? null;
}
