/** Time one TF.js kernel took over a profiled step, summed over its calls. */
export interface KernelTime {
  readonly name: string;
  readonly calls: number;
  readonly ms: number;
}

/** The part of `tf.profile()`'s kernel records this reads. */
export interface ProfiledKernel {
  readonly name: string;
  /** A number, or TF.js's `{ error }` when the backend cannot time kernels. */
  readonly kernelTimeMs: number | { error: string } | unknown;
}

/**
 * Sums a profiled step's kernel times by kernel name, slowest first. On webgpu the times are GPU
 * timestamps (when the adapter offers `timestamp-query`); on cpu and wasm, each kernel's wall time.
 * Scopes of custom-gradient ops (`fusedConv2d__op`, `unnamed scope`) are left out: their kernels are counted.
 *
 * @param kernels - `(await tf.profile(f)).kernels`.
 * @returns one entry per kernel name, or `null` when the backend timed nothing (no timer: every
 *   time is zero or missing).
 * @example
 * const info = await tf.profile(() => trainStep(model, optimizer, x, labels, { lr }));
 * kernelTimes(info.kernels); // [{ name: 'Conv2DBackpropFilter', calls: 21, ms: 12.5 }, …]
 */
export function kernelTimes(kernels: readonly ProfiledKernel[]): KernelTime[] | null {
  const totals = new Map<string, { calls: number; ms: number }>();
  let timed = false;
  for (const { name, kernelTimeMs } of kernels) {
    if (name.endsWith('__op') || name === 'unnamed scope') continue; // a custom-gradient op's scope: its kernels are recorded too
    const ms = typeof kernelTimeMs === 'number' && Number.isFinite(kernelTimeMs) ? kernelTimeMs : 0;
    timed ||= ms > 0;
    const total = totals.get(name) ?? { calls: 0, ms: 0 };
    totals.set(name, { calls: total.calls + 1, ms: total.ms + ms });
  }
  if (!timed) return null;
  return [...totals].map(([name, total]) => ({ name, ...total })).sort((left, right) => right.ms - left.ms);
}
