/**
 * Runs Residual's SIMD kernels on several threads: the calling thread and `threads − 1` workers
 * that instantiated the same kernel modules on the same shared memory. A call is split into
 * `total` units (images, or blocks of input channels); participant p of P takes units
 * [⌊p·total/P⌋, ⌊(p+1)·total/P⌋). Every output element is computed by one participant, in the
 * kernel's fixed order, so results are the same bit for bit for every thread count.
 *
 * The workers wait on a shared control block (Atomics.wait) and the caller blocks until all are
 * done, as a kernel must return its result synchronously (a browser's main thread, which may not
 * block, spins on the counter instead).
 */
export interface KernelPool {
  /** Participants, the calling thread included. */
  readonly threads: number;
  /**
   * Runs kernel `kernel` (its index in {@link kernelExports}) with `args`, then a unit range.
   *
   * @param kernel - 0 filterGradient, 1 conv.
   * @param args - the kernel's arguments before its range, as i32 values.
   * @param total - units to split.
   * @param unit - the range's step in the kernel's terms (4 channels per block, 1 image).
   */
  run(kernel: number, args: readonly number[], total: number, unit: number): void;
}

/** The kernels' export names, by index, as the control block names them. */
export const kernelExports = ['filterGradient', 'conv'] as const;

/** Slots of the control block (an Int32Array over a SharedArrayBuffer). */
export const controlSlot = { generation: 0, done: 1, kernel: 2, argCount: 3, total: 4, unit: 5, failed: 6, args: 8 } as const;

/** Ints the control block holds. */
export const controlLength = 40;

/** [from, to) of participant `index` of `threads` over `total` units of `unit`. */
export function shareOf(index: number, threads: number, total: number, unit: number): [number, number] {
  return [Math.floor((index * total) / threads) * unit, Math.floor(((index + 1) * total) / threads) * unit];
}

const pools = new WeakMap<WebAssembly.Memory, KernelPool>();

/**
 * Records the pool that runs Residual's kernels on `memory` (made by `useWasmThreads` in Node).
 *
 * @param memory - the wasm backend's shared memory.
 * @param pool - its pool.
 * @returns nothing.
 * @example
 * registerKernelPool(memory, pool);
 */
export function registerKernelPool(memory: WebAssembly.Memory, pool: KernelPool): void {
  pools.set(memory, pool);
}

/**
 * The pool for `memory`, if one was made.
 *
 * @param memory - the wasm backend's memory.
 * @returns its pool, or `undefined` (kernels then run on the calling thread alone).
 * @example
 * kernelPoolOf(memory)?.threads; // 2
 */
export function kernelPoolOf(memory: WebAssembly.Memory): KernelPool | undefined {
  return pools.get(memory);
}

/**
 * A pool over workers that the caller started with {@link workerSource}'s loop and `control`.
 *
 * @param control - the control block the workers wait on.
 * @param threads - participants, the calling thread included.
 * @param calling - the kernels instantiated on this thread.
 * @param canBlock - whether this thread may `Atomics.wait` (not a browser's main thread).
 * @returns the pool.
 * @example
 * const pool = kernelPool(control, 2, kernels, true);
 */
export function kernelPool(control: Int32Array, threads: number, calling: ReadonlyArray<(...args: number[]) => void>, canBlock: boolean): KernelPool {
  const workers = threads - 1;
  return {
    threads,
    run(kernel, args, total, unit) {
      control.set(args, controlSlot.args);
      control[controlSlot.kernel] = kernel;
      control[controlSlot.argCount] = args.length;
      control[controlSlot.total] = total;
      control[controlSlot.unit] = unit;
      Atomics.store(control, controlSlot.done, 0);
      Atomics.add(control, controlSlot.generation, 1);
      Atomics.notify(control, controlSlot.generation);
      const [from, to] = shareOf(0, threads, total, unit);
      if (from < to) calling[kernel]?.(...args, from, to);
      for (let done = Atomics.load(control, controlSlot.done); done < workers; done = Atomics.load(control, controlSlot.done)) {
        if (canBlock) Atomics.wait(control, controlSlot.done, done, 1000);
      }
      if (Atomics.load(control, controlSlot.failed) !== 0) {
        throw new Error('Residual kernels: a kernel worker must finish its share, but one failed. Restart the process; set RESIDUAL_WASM_THREADS=1 to run without workers.');
      }
    },
  };
}

/**
 * The loop each worker runs (JavaScript text, after the worker has `memory`, `modules`, `control`,
 * `index` and `threads`, and optionally `ready()`, called once its kernels are instantiated): wait
 * for a new generation, run its share, count itself done.
 */
export const workerLoop = `
const names = ${JSON.stringify(kernelExports)};
const slot = ${JSON.stringify(controlSlot)};
const ctrl = new Int32Array(control);
let kernels = null;
try {
  kernels = modules.map((module, i) => new WebAssembly.Instance(module, { env: { memory } }).exports[names[i]]);
} catch (error) {
  Atomics.store(ctrl, slot.failed, 1);
}
if (typeof ready === 'function') ready();
// Jobs start at generation 1: a worker that starts late finds the first one waiting for it.
let seen = 0;
for (;;) {
  Atomics.wait(ctrl, slot.generation, seen);
  seen = Atomics.load(ctrl, slot.generation);
  const kernel = ctrl[slot.kernel];
  if (kernel < 0) break;
  try {
    if (kernels === null) throw new Error('no kernels');
    const args = Array.from(ctrl.subarray(slot.args, slot.args + ctrl[slot.argCount]));
    const total = ctrl[slot.total], unit = ctrl[slot.unit];
    const from = Math.floor((index * total) / threads) * unit, to = Math.floor(((index + 1) * total) / threads) * unit;
    if (from < to) kernels[kernel](...args, from, to);
  } catch (error) {
    Atomics.store(ctrl, slot.failed, 1);
  }
  Atomics.add(ctrl, slot.done, 1);
  Atomics.notify(ctrl, slot.done);
}
`;
