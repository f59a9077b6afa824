// A live example's knobs on the page: values from the URL (`?<id>.<key>=<value>`), sliders kept in
// step with their number fields, changed values written back to the URL (so a link shares them),
// and a reset to the lesson's settings. Cheap: no TF.js here; the values are checked when Run reads them.

type Translate = (key: string, params?: Record<string, string | number>) => string;

type Field = HTMLInputElement | HTMLSelectElement;

function fields(section: HTMLElement): Field[] {
  return [...section.querySelectorAll<Field>('[data-knob]')];
}

function fieldValue(field: Field): string {
  return field instanceof HTMLInputElement && field.type === 'checkbox' ? String(field.checked) : field.value;
}

function setField(field: Field, value: string): void {
  if (field instanceof HTMLInputElement && field.type === 'checkbox') field.checked = value === 'true';
  else field.value = value;
  const slider = field.closest('.live-knob')?.querySelector<HTMLInputElement>('[data-knob-slider]');
  if (slider !== null && slider !== undefined) slider.value = value;
}

/**
 * The knobs the reader changed from the lesson's settings, as text by key, for `runLiveExample`'s
 * `settings` (which checks them). Unchanged knobs are left out, so a small run (`?size=small`) keeps
 * its own small values for them.
 *
 * @param section - a `[data-live]` element (or the lab's panel).
 * @example
 * readKnobs(section); // { blocks: '20' } after the reader set 20 blocks
 */
export function readKnobs(section: HTMLElement): Record<string, string> {
  const changed = fields(section).filter((field) => fieldValue(field) !== field.dataset['default']);
  return Object.fromEntries(changed.map((field) => [field.dataset['knob'] ?? '', fieldValue(field)]));
}

/**
 * Fills a section's knobs from the URL, keeps sliders and number fields together, writes changes to
 * the URL, and wires the reset button. A URL value the field cannot hold (a typo, out of range) is
 * reported under the knobs and replaced by the lesson's value.
 *
 * @param section - a `[data-live]` element.
 * @param id - the live example's id (the URL's prefix).
 * @param t - the page's UI strings.
 */
export function wireKnobs(section: HTMLElement, id: string, t: Translate): void {
  const all = fields(section);
  const reset = section.querySelector<HTMLButtonElement>('[data-reset]');
  const error = section.querySelector<HTMLElement>('[data-settings-error]');
  if (all.length === 0) return;
  const params = new URLSearchParams(location.search);
  const problems: string[] = [];
  const known = new Set(all.map((field) => field.dataset['knob']));
  for (const [name] of params) {
    if (name.startsWith(`${id}.`) && !known.has(name.slice(id.length + 1))) problems.push(`"${name}"`);
  }
  for (const field of all) {
    const value = params.get(`${id}.${field.dataset['knob'] ?? ''}`);
    if (value === null) continue;
    setField(field, value);
    const valid = field instanceof HTMLSelectElement ? field.value === value : field.type === 'checkbox' ? ['true', 'false'].includes(value) : field.checkValidity() && value.trim() !== '';
    if (!valid) {
      problems.push(`${field.dataset["knob"]} = "${value}"`);
      setField(field, field.dataset['default'] ?? '');
    }
  }
  const showProblems = (list: string[]) => {
    if (error === null) return;
    error.hidden = list.length === 0;
    error.textContent = list.length === 0 ? '' : t('live.settingsInvalid', { message: list.join(' ') });
  };
  showProblems(problems);
  const changed = () => all.some((field) => fieldValue(field) !== field.dataset['default']);
  const writeUrl = () => {
    const url = new URL(location.href);
    for (const field of all) {
      const name = `${id}.${field.dataset['knob'] ?? ''}`;
      if (fieldValue(field) === field.dataset['default']) url.searchParams.delete(name);
      else url.searchParams.set(name, fieldValue(field));
    }
    history.replaceState(history.state, '', url);
    if (reset !== null) reset.disabled = !changed();
  };
  for (const field of all) {
    field.addEventListener('change', writeUrl);
    const slider = field.closest('.live-knob')?.querySelector<HTMLInputElement>('[data-knob-slider]');
    slider?.addEventListener('input', () => {
      field.value = slider.value;
    });
    slider?.addEventListener('change', writeUrl);
    field.addEventListener('input', () => {
      if (slider !== null && slider !== undefined) slider.value = field.value;
    });
  }
  reset?.addEventListener('click', () => {
    for (const field of all) setField(field, field.dataset['default'] ?? '');
    showProblems([]);
    writeUrl();
  });
  if (reset !== null) reset.disabled = !changed();
}
