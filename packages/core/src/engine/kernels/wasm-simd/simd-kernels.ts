import { kernelBinaries } from './kernel-binaries.js';
import { kernelExports, kernelPoolOf } from './kernel-pool.js';

/** Residual's SIMD kernels bound to one backend memory, each call split among its threads. */
export interface SimdKernels {
  /** Threads the kernels run on (1 without a pool). */
  readonly threads: number;
  /**
   * See `filter-gradient.wat`: pointers (bytes) to x, dy and dW, then the convolution's sizes;
   * dW must be zero. The input channels are split among the threads in blocks of 4.
   */
  filterGradient(args: readonly number[], inChannels: number): void;
  /** See `direct-conv.wat`: pointers to x, w, bias (0: none) and out, the sizes, 1 for ReLU; images split among the threads. */
  conv(args: readonly number[], batch: number): void;
}

const compiled = new Map<'shared' | 'unshared', WebAssembly.Module[]>();

/**
 * The kernel modules, compiled once per kind of memory, in the order of `kernelExports`.
 *
 * @param kind - `'shared'` (TF.js's threaded build) or `'unshared'`.
 * @returns the compiled modules (cloneable to workers).
 * @example
 * const modules = kernelModules('shared');
 */
export function kernelModules(kind: 'shared' | 'unshared'): WebAssembly.Module[] {
  const cached = compiled.get(kind);
  if (cached !== undefined) return cached;
  const names = { filterGradient: 'filter-gradient', conv: 'direct-conv' } as const;
  const modules = kernelExports.map((name) => new WebAssembly.Module(Uint8Array.from(atob(kernelBinaries[names[name]][kind]), (char) => char.charCodeAt(0))));
  compiled.set(kind, modules);
  return modules;
}

const bound = new WeakMap<WebAssembly.Memory, SimdKernels | null>();

/**
 * Residual's SIMD kernels instantiated on `memory` (once per memory), or `undefined` where the
 * engine has no 128-bit SIMD or refuses the memory: callers then use their fallback.
 *
 * @param memory - the wasm backend's memory (see `wasmMemoryOf`).
 * @returns the kernels, or `undefined`.
 * @example
 * simdKernelsFor(memory)?.conv([x, w, 0, out, n, h, wd, ci, oh, ow, co, kh, kw, sh, sw, 0, 0, 1], n);
 */
export function simdKernelsFor(memory: WebAssembly.Memory): SimdKernels | undefined {
  const cached = bound.get(memory);
  if (cached !== undefined) return cached ?? undefined;
  const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
  let kernels: SimdKernels | null = null;
  try {
    const functions = kernelModules(shared ? 'shared' : 'unshared').map(
      (module, i) => new WebAssembly.Instance(module, { env: { memory } }).exports[kernelExports[i] ?? ''] as (...args: number[]) => void,
    );
    const pool = kernelPoolOf(memory);
    const run = (kernel: number, args: readonly number[], total: number, unit: number) => {
      if (pool === undefined) functions[kernel]?.(...args, 0, total * unit);
      else pool.run(kernel, args, total, unit);
    };
    kernels = {
      threads: pool?.threads ?? 1,
      filterGradient: (args, inChannels) => run(0, args, inChannels / 4, 4),
      conv: (args, batch) => run(1, args, batch, 1),
    };
  } catch {
    kernels = null; // no SIMD, or a memory whose limits the import does not accept
  }
  bound.set(memory, kernels);
  return kernels ?? undefined;
}
