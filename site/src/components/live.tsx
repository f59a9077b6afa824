import { findLiveExample, knobDefault, type LiveKnob } from '@residual/lessons';
import { liveExamples } from '@residual/lessons/live';
import { browserBackendOrder } from '@residual/core';
import { useRender } from '../lib/render-context.js';

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
 * `<Live id="grad-norms" />`: the static shell of a live example. The page's client script
 * (`scripts/live-client.ts`) makes it run. Testing contract: the button has `data-run`; the output
 * has `data-run-output`, whose `data-status` goes `idle` → `running` → `done` | `error`, and whose
 * `data-backend` names the backend that ran (`data-backend-how`: first, probe or forced). Knobs are
 * `[data-knob=<key>]` fields (their names are `<id>.<key>`, as in the page's URL); `[data-reset]`
 * restores the lesson's settings; `[data-backend-picker]` chooses the backend for the whole site.
 * Measured figures (timings) go to `.live-measured`, apart from the summary that tests compare with Node.
 */
export function Live({ id }: { id: string }) {
  const { ui } = useRender();
  const label = (text: string) => ui.strings[`live.text.${text}`] ?? text;
  // A readable name from the UI files (`live.name.<id>`); the id itself when an author gave none.
  const title = ui.t('live.title', { name: ui.strings[`live.name.${id}`] ?? id });
  const knobs = findLiveExample(liveExamples, id).knobs ?? [];
  const picker = `live-${id}-backend`;
  return (
    <section className="live" data-live={id} aria-label={title}>
      <div className="live-bar">
        <span className="live-title">{title}</span>
        <button type="button" data-run disabled>
          {ui.t('live.run')}
        </button>
        <button type="button" data-stop disabled>
          {ui.t('live.stop')}
        </button>
      </div>
      {knobs.length > 0 && (
        <details className="live-settings" open>
          <summary>{ui.t('live.settings')}</summary>
          <form className="live-knobs" data-knobs onSubmit={(event) => event.preventDefault()}>
            {knobs.map((knob) => (
              <Knob key={knob.key} id={id} knob={knob} label={label} />
            ))}
          </form>
          <p className="live-settings-note">
            {ui.t('live.settingsNote')}{' '}
            <button type="button" className="live-reset" data-reset disabled>
              {ui.t('live.reset')}
            </button>
          </p>
          <p className="live-settings-error" data-settings-error hidden />
        </details>
      )}
      <div className="live-backend-bar">
        <label htmlFor={picker}>{ui.t('backend.label')}</label>
        <select id={picker} data-backend-picker disabled aria-describedby={`${picker}-note`}>
          <option value="auto">{ui.t('backend.auto')}</option>
          {browserBackendOrder.map((name) => (
            <option key={name} value={name}>
              {ui.t(`backend.name.${name}`)}
            </option>
          ))}
        </select>
        <span className="live-backend-note" id={`${picker}-note`}>
          {ui.t('backend.pickerNote')}
        </span>
        <p className="live-backend" data-backend-why>
          {ui.t('backend.notChosen')}
        </p>
      </div>
      <div data-run-output data-status="idle" data-backend="" aria-live="polite">
        <p className="live-status">{ui.t('live.idle')}</p>
        <progress className="live-progress" max={1} value={0} hidden />
        <dl className="live-summary" hidden />
        <div className="live-measured" hidden>
          <p>{ui.t('live.measured')}</p>
          <dl className="live-measured-list" />
        </div>
        <div className="live-charts" />
        <p className="live-memory" hidden />
      </div>
      <noscript>
        <p className="live-noscript">{ui.t('live.noscript')}</p>
      </noscript>
    </section>
  );
}
