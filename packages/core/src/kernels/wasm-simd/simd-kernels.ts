import { kernelBinaries } from './kernel-binaries.js';

/** The functions of Residual's SIMD kernel modules, bound to one backend memory. */
export interface SimdKernels {
  /** See `filter-gradient.wat`: pointers (bytes) to x, dy and dW, then the convolution's sizes. */
  readonly filterGradient: (...args: number[]) => void;
  /** See `direct-conv.wat`: pointers to x, w, bias (0: none) and out, the sizes, then 1 for ReLU. */
  readonly conv: (...args: number[]) => void;
}

const bound = new WeakMap<WebAssembly.Memory, SimdKernels | null>();

/**
 * Residual's SIMD kernels instantiated on `memory` (once per memory), or `undefined` where the
 * engine has no 128-bit SIMD or refuses the memory: callers then use their fallback.
 *
 * @param memory - the wasm backend's memory (see `wasmMemoryOf`).
 * @returns the kernels, or `undefined`.
 * @example
 * simdKernelsFor(memory)?.filterGradient(x, dy, dw, n, h, w, ci, oh, ow, co, kh, kw, sh, sw, pt, pl, rows);
 */
export function simdKernelsFor(memory: WebAssembly.Memory): SimdKernels | undefined {
  const cached = bound.get(memory);
  if (cached !== undefined) return cached ?? undefined;
  const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
  let kernels: SimdKernels | null = null;
  const exports = (name: keyof typeof kernelBinaries) => {
    const bytes = Uint8Array.from(atob(kernelBinaries[name][shared ? 'shared' : 'unshared']), (char) => char.charCodeAt(0));
    return new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports;
  };
  try {
    kernels = {
      filterGradient: exports('filter-gradient')['filterGradient'] as (...args: number[]) => void,
      conv: exports('direct-conv')['conv'] as (...args: number[]) => void,
    };
  } catch {
    kernels = null; // no SIMD, or a memory whose limits the import does not accept
  }
  bound.set(memory, kernels);
  return kernels ?? undefined;
}
