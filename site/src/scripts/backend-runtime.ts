// Loaded on the first press of Run or Start (it pulls in TF.js): the page's backend choice.
import { selectBrowserBackend, type BackendChoice } from '@residual/core/engine';
import type { BackendPreference } from './backend-preference.js';

const choices = new Map<BackendPreference, Promise<BackendChoice>>();
let active: BackendPreference | undefined;

/**
 * Makes the reader's backend active: `auto` lets Residual choose (never a software WebGPU adapter;
 * a timing probe when the first usable backend runs in software), a name forces it. A preference is
 * chosen once per page and chosen again only after the reader switched to another.
 *
 * @param preference - `auto` or a backend name (the picker, `?backend=`).
 * @param wasmPaths - where the site serves TF.js's `.wasm` files.
 * @example
 * const choice = await chooseBackend('auto', '/tfjs-wasm/');
 */
export async function chooseBackend(preference: BackendPreference, wasmPaths: string): Promise<BackendChoice> {
  const known = choices.get(preference);
  if (known !== undefined && active === preference) return known;
  // Every core for wasm: used where the page is cross-origin isolated (COOP/COEP), one thread elsewhere.
  const common = { wasmPaths, wasmThreads: navigator.hardwareConcurrency || 1 };
  const choice = selectBrowserBackend(preference === 'auto' ? common : { ...common, order: [preference] });
  choices.set(preference, choice);
  active = preference;
  return choice;
}
