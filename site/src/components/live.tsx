import { useRender } from '../lib/render-context.js';
import { BackendBar, KnobFields } from './knobs.js';

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
  const { ui, live } = useRender();
  const label = (text: string) => ui.strings[`live.text.${text}`] ?? text;
  // A readable name from the UI files (`live.name.<id>`); the id itself when an author gave none.
  const title = ui.t('live.title', { name: ui.strings[`live.name.${id}`] ?? id });
  const example = live.get(id);
  if (example === undefined) throw new Error(`Live: id must name a live example the page loaded, but got "${id}". Register it in examples/live.ts.`);
  const knobs = example.knobs ?? [];
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
          <KnobFields id={id} knobs={knobs} label={label} />
          <div className="live-settings-foot">
            <p className="live-settings-note">{ui.t('live.settingsNote')}</p>
            <button type="button" className="live-reset" data-reset disabled>
              {ui.t('live.reset')}
            </button>
          </div>
          <p className="live-settings-error" data-settings-error hidden />
        </details>
      )}
      <BackendBar id={id} t={(key) => ui.t(key)} />
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
