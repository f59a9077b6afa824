// Loaded on the first press of a Run button: TF.js, the backend choice and the live examples.
import { selectBrowserBackend, type BackendChoice, type BrowserBackendName } from '@residual/core';
import { findLiveExample, runLiveExample, type LiveExample } from '@residual/lessons';
import { liveExamples } from '@residual/lessons/live';

export { runLiveExample };

let choice: Promise<BackendChoice> | undefined;

/**
 * Chooses the TF.js backend once per page: webgpu → webgl → wasm → cpu, or only `forced` (for
 * tests: `?backend=webgl`). The wasm files come from the site itself.
 */
export function chooseBackend(forced: BrowserBackendName | undefined, wasmPaths: string): Promise<BackendChoice> {
  choice ??= selectBrowserBackend(forced === undefined ? { wasmPaths } : { order: [forced], wasmPaths });
  return choice;
}

/** The live example registered under `id` in `examples/live.ts`. */
export function liveExample(id: string): LiveExample {
  return findLiveExample(liveExamples, id);
}
