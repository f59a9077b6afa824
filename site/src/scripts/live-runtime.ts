// Loaded on the first press of a Run button: TF.js, the backend choice and the live examples.
import { selectBrowserBackend, type BackendChoice } from '@residual/core';
import { findLiveExample, runLiveExample, type LiveExample } from '@residual/lessons';
import { liveExamples } from '@residual/lessons/live';
import type { BackendPreference } from './backend-preference.js';

export { runLiveExample };

const choices = new Map<BackendPreference, Promise<BackendChoice>>();
let active: BackendPreference | undefined;

/**
 * Makes the reader's backend active: `auto` lets Residual choose (never a software WebGPU adapter;
 * a timing probe when the first usable backend runs in software), a name forces it. Each
 * preference is chosen once per page; switching back re-activates the one already chosen.
 *
 * @param preference - `auto` or a backend name (the picker, `?backend=`).
 * @param wasmPaths - where the site serves TF.js's `.wasm` files.
 * @example
 * const choice = await chooseBackend('auto', '/tfjs-wasm/');
 */
export async function chooseBackend(preference: BackendPreference, wasmPaths: string): Promise<BackendChoice> {
  const known = choices.get(preference);
  if (known !== undefined && active === preference) return known;
  // Another preference was active meanwhile: choose again (a cached probe is cheap to repeat).
  const choice = selectBrowserBackend(preference === 'auto' ? { wasmPaths } : { order: [preference], wasmPaths });
  choices.set(preference, choice);
  active = preference;
  return choice;
}

/** The live example registered under `id` in `examples/live.ts`. */
export function liveExample(id: string): LiveExample {
  return findLiveExample(liveExamples, id);
}
