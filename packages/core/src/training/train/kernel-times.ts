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

/** A custom-gradient op's scope record (`fusedConv2d__op`, `unnamed scope`): its kernels are recorded too. */
const isScope = (name: string): boolean => name.endsWith('__op') || name === 'unnamed scope';

/** Kernels that only relabel memory (no arithmetic, no GPU dispatch). */
const freeKernels: readonly string[] = ['Identity', 'Reshape'];

/**
 * The kernel records of a profile that do arithmetic: not a custom-gradient op's scope (its kernels
 * are recorded on their own) and not `Identity` or `Reshape` (which only relabel memory). The one
 * rule by which the project counts kernel calls.
 *
 * @param kernels - `(await tf.profile(f)).kernels`; read them at once, as `tf.profile` reuses its record.
 * @returns those records, in order.
 * @example
 * const info = await tf.profile(() => model.predict(x));
 * computingKernels(info.kernels).length; // e.g. 75 for ResNet-20 on cpu
 */
export function computingKernels<Kernel extends { readonly name: string }>(kernels: readonly Kernel[]): Kernel[] {
  return kernels.filter(({ name }) => !isScope(name) && !freeKernels.includes(name));
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
    if (isScope(name)) continue; // its kernels are recorded too
    const ms = typeof kernelTimeMs === 'number' && Number.isFinite(kernelTimeMs) ? kernelTimeMs : 0;
    timed ||= ms > 0;
    const total = totals.get(name) ?? { calls: 0, ms: 0 };
    totals.set(name, { calls: total.calls + 1, ms: total.ms + ms });
  }
  if (!timed) return null;
  return [...totals].map(([name, total]) => ({ name, ...total })).sort((left, right) => right.ms - left.ms);
}

/**
 * Where a step's time went, in one line: the kernels' summed time against the step's wall time
 * (the rest is dispatch overhead and an idle GPU), and the slowest kernels.
 *
 * @param kernels - from {@link kernelTimes}.
 * @param msPerStep - the step's wall time.
 * @param top - how many kernels to name.
 * @returns e.g. `kernels 80.1 of 95.3 ms/step (84 %, 812 calls): Conv2DBackpropFilter 21× 30.20 ms, …`
 * @example
 * if (result.kernels !== null) console.log(formatKernelTimes(result.kernels, result.msPerStep, 6));
 */
export function formatKernelTimes(kernels: readonly KernelTime[], msPerStep: number, top: number): string {
  const total = kernels.reduce((sum, kernel) => sum + kernel.ms, 0);
  const calls = kernels.reduce((sum, kernel) => sum + kernel.calls, 0);
  const slowest = kernels.slice(0, top).map((kernel) => `${kernel.name} ${kernel.calls}× ${kernel.ms.toFixed(2)} ms`);
  return `kernels ${total.toFixed(1)} of ${msPerStep.toFixed(1)} ms/step (${((100 * total) / msPerStep).toFixed(0)} %, ${calls} calls): ${slowest.join(', ')}`;
}
