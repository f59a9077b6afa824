/**
 * Why one backend was not chosen. `code` sorts the reason into a kind a page can translate:
 * `missing` (the runtime lacks the API), `no-adapter`, `fallback-adapter` (a software WebGPU adapter),
 * `no-context` (no WebGL context), `slower` (a timing probe found a faster one), `failed` (its package
 * or initialisation failed).
 */
export type BackendSkipCode = 'missing' | 'no-adapter' | 'fallback-adapter' | 'no-context' | 'slower' | 'failed';

/** Why one backend was not chosen: its name and a one-line reason. */
export interface BackendSkip {
  /** The backend's name, e.g. `'webgpu'`. */
  readonly name: string;
  /** One line saying why it was skipped, e.g. `navigator.gpu is missing`. */
  readonly reason: string;
  /** The kind of reason, for a translated message; absent where a caller gave none. */
  readonly code?: BackendSkipCode;
}

/** One backend's time in a selection's timing probe. */
export interface BackendTiming {
  readonly name: string;
  /** Milliseconds of the probe's timed work (after one untimed warm-up); `Infinity` when it ran out of time. */
  readonly ms: number;
}

/**
 * How the chosen backend was chosen: `first` (the first usable one in the order, nothing in doubt),
 * `probe` (the fastest in a short timing probe, because the first usable one runs in software), or
 * `forced` (the caller named one backend).
 */
export type BackendChoiceKind = 'first' | 'probe' | 'forced';

/** The outcome of backend selection: the backend TF.js now runs on, and why the others were not used. */
export interface BackendChoice {
  /** The active TF.js backend, e.g. `'wasm'`. */
  readonly name: string;
  /** Backends tried before `name`, in order, each with its reason. */
  readonly skipped: readonly BackendSkip[];
  /** Extra facts about the chosen backend, e.g. the WebGPU adapter's name. */
  readonly detail?: string;
  /** The threads the `wasm` backend runs on (wasm only), for the caller to put in its own words. */
  readonly threads?: number;
  /** How it was chosen (browser selection only). */
  readonly how?: BackendChoiceKind;
  /** The timing probe's figures, fastest first, when a probe decided. */
  readonly timings?: readonly BackendTiming[];
}

/**
 * Formats a selection as the lines the CLI prints: one for the chosen backend, one per skip.
 *
 * @param choice - the result of `selectBrowserBackend` or `selectNodeBackend`.
 * @returns lines like `backend: wasm` and `skipped webgpu: no adapter`.
 * @example
 * describeBackendChoice({ name: 'wasm', skipped: [{ name: 'webgpu', reason: 'no adapter' }] });
 * // ['backend: wasm', 'skipped webgpu: no adapter']
 */
export function describeBackendChoice(choice: BackendChoice): string[] {
  const head = choice.detail === undefined ? `backend: ${choice.name}` : `backend: ${choice.name} (${choice.detail})`;
  const probe = choice.timings === undefined ? [] : [`timing probe: ${choice.timings.map((timing) => `${timing.name} ${formatMs(timing.ms)}`).join(', ')}`];
  return [head, ...probe, ...choice.skipped.map((skip) => `skipped ${skip.name}: ${skip.reason}`)];
}

function formatMs(ms: number): string {
  return Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : 'too slow';
}
