import * as tf from '@tensorflow/tfjs-core';

/**
 * The size of the wasm backend's memory now, or `null` when the active backend is not wasm. Wasm
 * memory grows and never shrinks, so this is the most the backend has held at once since it
 * started (tensors, kernel scratch and allocator slack): what a training step really costs. TF.js's
 * own count (`tf.memory().numBytes`, `tf.profile().peakBytes`) adds a buffer once per tensor that
 * shares it (a clone, a reshape, a tensor saved for the gradient), so it says more.
 *
 * @returns bytes, or `null` off wasm
 * @example
 * await trainOneEpoch();
 * console.log(`wasm heap ${(wasmHeapBytes() ?? 0) / 1e6} MB`);
 */
export function wasmHeapBytes(): number | null {
  if (tf.getBackend() !== 'wasm') return null;
  const heap = (tf.backend() as unknown as { wasm?: { HEAPU8?: Uint8Array } }).wasm?.HEAPU8;
  return heap === undefined ? null : heap.buffer.byteLength;
}
