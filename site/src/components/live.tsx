import { useRender } from '../lib/render-context.js';

/**
 * `<Live id="grad-norms" />`: the static shell of a live example. The page's client script
 * (`scripts/live-client.ts`) makes it run. Testing contract: the button has `data-run`; the output
 * has `data-run-output`, whose `data-status` goes `idle` → `running` → `done` | `error`, and whose
 * `data-backend` names the backend that ran. Measured figures (timings) go to `.live-measured`,
 * apart from the summary that tests compare with Node.
 */
export function Live({ id }: { id: string }) {
  const { ui } = useRender();
  // A readable name from the UI files (`live.name.<id>`); the id itself when an author gave none.
  const title = ui.t('live.title', { name: ui.strings[`live.name.${id}`] ?? id });
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
