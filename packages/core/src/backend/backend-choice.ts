/** Why one backend was not chosen: its name and a one-line reason. */
export interface BackendSkip {
  /** The backend's name, e.g. `'webgpu'`. */
  readonly name: string;
  /** One line saying why it was skipped, e.g. `navigator.gpu is missing`. */
  readonly reason: string;
}

/** The outcome of backend selection: the backend TF.js now runs on, and why the others were not used. */
export interface BackendChoice {
  /** The active TF.js backend, e.g. `'wasm'`. */
  readonly name: string;
  /** Backends tried before `name`, in order, each with its reason. */
  readonly skipped: readonly BackendSkip[];
  /** Extra facts about the chosen backend, e.g. the WebGPU adapter's name. */
  readonly detail?: string;
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
  return [head, ...choice.skipped.map((skip) => `skipped ${skip.name}: ${skip.reason}`)];
}
