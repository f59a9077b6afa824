// The reader's backend preference: `?backend=` in the URL (tests, shared links) wins, then the
// choice remembered for the whole site (localStorage), then `auto`. Cheap: no TF.js here.
import { browserBackendOrder, type BrowserBackendName } from '@residual/core/engine';

/** `auto` (Residual chooses) or one backend the reader forces. */
export type BackendPreference = 'auto' | BrowserBackendName;

const storageKey = 'residual.backend';

function parse(value: string | null): BackendPreference | undefined {
  if (value === 'auto') return 'auto';
  return browserBackendOrder.find((name) => name === value);
}

/** The preference in force on this page. */
export function backendPreference(): BackendPreference {
  const fromUrl = parse(new URLSearchParams(location.search).get('backend'));
  if (fromUrl !== undefined) return fromUrl;
  try {
    return parse(localStorage.getItem(storageKey)) ?? 'auto';
  } catch {
    return 'auto'; // storage blocked (private mode, file://)
  }
}

/** Remembers the reader's choice for the whole site and drops a `?backend=` that would override it. */
export function rememberBackend(preference: BackendPreference): void {
  try {
    if (preference === 'auto') localStorage.removeItem(storageKey);
    else localStorage.setItem(storageKey, preference);
  } catch {
    // storage blocked: the choice holds for this page only
  }
  const url = new URL(location.href);
  if (url.searchParams.has('backend')) {
    url.searchParams.delete('backend');
    history.replaceState(history.state, '', url);
  }
}

/** Makes every backend picker on the page show `preference` and call `onChange` when the reader picks another. */
export function wirePickers(onChange: (preference: BackendPreference) => void): void {
  const pickers = [...document.querySelectorAll<HTMLSelectElement>('[data-backend-picker]')];
  const show = (preference: BackendPreference) => {
    for (const picker of pickers) picker.value = preference;
  };
  show(backendPreference());
  for (const picker of pickers) {
    picker.disabled = false;
    picker.addEventListener('change', () => {
      const preference = parse(picker.value) ?? 'auto';
      rememberBackend(preference);
      show(preference);
      onChange(preference);
    });
  }
}
