// A backend choice in the page's words: which backend, how it was chosen, and why the others were not.
import type { BackendChoice } from '@residual/core/engine';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/**
 * One sentence for the chosen backend and one per backend not used, translated.
 *
 * @param choice - what `selectBrowserBackend` returned.
 * @param t - the page's UI strings (`backend.*`).
 * @example
 * backendWords(choice, t); // { chosen: 'wasm: the fastest in a short timing test (webgl 310 ms, wasm 21 ms)', skipped: ['webgpu is only a software fallback here …'] }
 */
export function backendWords(choice: BackendChoice, t: Translate): { chosen: string; skipped: string[] } {
  const name = (backend: string) => t(`backend.name.${backend}`);
  const timings = (choice.timings ?? [])
    .map((timing) => (Number.isFinite(timing.ms) ? t('backend.timing', { backend: timing.name, ms: timing.ms.toFixed(0) }) : t('backend.tooSlow', { backend: timing.name })))
    .join(', ');
  const detail = choice.threads === undefined ? choice.detail : t(`backend.threads.${choice.threads === 1 ? 'one' : 'other'}`, { count: choice.threads });
  const chosen = t(`backend.how.${choice.how ?? 'first'}`, { backend: name(choice.name), timings }) + (detail === undefined ? '' : ` — ${detail}`);
  const skipped = choice.skipped.map((skip) => t(`backend.skip.${skip.code ?? 'failed'}`, { backend: name(skip.name), reason: skip.reason }));
  return { chosen, skipped };
}

/**
 * Shows a choice's words in `element`: the sentence for the chosen backend, then a list of the others.
 *
 * @param element - the panel's `[data-backend-why]`.
 * @param words - from {@link backendWords}.
 */
export function showBackendChoice(element: HTMLElement, words: { chosen: string; skipped: string[] }): void {
  const list = document.createElement('ul');
  list.className = 'live-backend-skipped';
  list.append(...words.skipped.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
  element.replaceChildren(document.createTextNode(words.chosen), ...(words.skipped.length > 0 ? [list] : []));
}
