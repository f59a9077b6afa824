import { browserBackendOrder } from '@residual/core/engine';
import { knobDefault, type LiveKnob } from '@residual/lessons';

/** One labelled control for a knob: a slider with a number field, a number field (log scale), a menu or a checkbox. */
function Knob({ id, knob, label }: { id: string; knob: LiveKnob; label: (text: string) => string }) {
  const name = `${id}.${knob.key}`;
  const field = `live-${id}-${knob.key}`;
  const value = knobDefault(knob, 'full');
  const common = { id: field, name, 'data-knob': knob.key, 'data-default': String(value) };
  if (knob.kind === 'toggle') {
    return (
      <div className="live-knob live-knob-toggle">
        <input type="checkbox" {...common} defaultChecked={value === true} />
        <label htmlFor={field}>{label(knob.key)}</label>
      </div>
    );
  }
  if (knob.kind === 'choice') {
    return (
      <div className="live-knob">
        <label htmlFor={field}>{label(knob.key)}</label>
        <select {...common} defaultValue={String(value)}>
          {knob.options.map((option) => (
            <option key={String(option)} value={String(option)}>
              {label(String(option))}
            </option>
          ))}
        </select>
      </div>
    );
  }
  const step = knob.step ?? (knob.kind === 'integer' ? 1 : 'any');
  const range = `${knob.min} – ${knob.max}`;
  return (
    <div className="live-knob">
      <label htmlFor={field}>{label(knob.key)}</label>
      {knob.scale !== 'log' && (
        <input type="range" min={knob.min} max={knob.max} step={step} defaultValue={String(value)} data-knob-slider={knob.key} aria-hidden="true" tabIndex={-1} />
      )}
      <input type="number" {...common} min={knob.min} max={knob.max} step={step} defaultValue={String(value)} inputMode="decimal" aria-describedby={`${field}-range`} />
      <span className="live-knob-range" id={`${field}-range`}>
        {range}
      </span>
    </div>
  );
}

/**
 * A form of labelled controls for knobs (a live example's or the lab's). Each field is
 * `[data-knob=<key>]` named `<id>.<key>` (as in the page's URL) with its default in `data-default`;
 * `scripts/live-knobs.ts` wires them.
 */
export function KnobFields({ id, knobs, label }: { id: string; knobs: readonly LiveKnob[]; label: (text: string) => string }) {
  return (
    <form className="live-knobs" data-knobs onSubmit={(event) => event.preventDefault()}>
      {knobs.map((knob) => (
        <Knob key={knob.key} id={id} knob={knob} label={label} />
      ))}
    </form>
  );
}

/**
 * The backend line of a live panel or the lab: a picker (`[data-backend-picker]`, remembered for the
 * whole site) and `[data-backend-why]`, where the client says which backend ran and why.
 */
export function BackendBar({ id, t }: { id: string; t: (key: string) => string }) {
  const picker = `live-${id}-backend`;
  return (
    <div className="live-backend-bar">
      <label htmlFor={picker}>{t('backend.label')}</label>
      <select id={picker} data-backend-picker disabled aria-describedby={`${picker}-note`}>
        <option value="auto">{t('backend.auto')}</option>
        {browserBackendOrder.map((name) => (
          <option key={name} value={name}>
            {t(`backend.name.${name}`)}
          </option>
        ))}
      </select>
      <span className="live-backend-note" id={`${picker}-note`}>
        {t('backend.pickerNote')}
      </span>
      <p className="live-backend" data-backend-why>
        {t('backend.notChosen')}
      </p>
    </div>
  );
}
