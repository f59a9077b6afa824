// Makes every <Live> shell on the page runnable. Contract (tests rely on it): the button has
// `data-run`; the output `data-run-output` gets data-status running → done | error, data-backend the
// backend that ran and data-backend-how how it was chosen. `?backend=webgl` forces a backend (else
// the picker's choice, remembered for the site), `?size=small` a small run, `?<id>.<key>=<value>`
// a knob's value.
import { formatMessage, formatNumber, type LiveResult } from '@residual/lessons';
import { backendPreference, wirePickers } from './backend-preference.js';
import { backendWords, showBackendChoice } from './backend-words.js';
import { readKnobs, wireKnobs } from './live-knobs.js';
import type { LineChartHandle } from './line-chart.js';

type Strings = Record<string, string>;
type Translate = (key: string, params?: Record<string, string | number>) => string;

/** No TF.js backend could start in this browser (not a bug of the example). */
class Unsupported extends Error {}

function strings(): Strings {
  const element = document.getElementById('residual-ui');
  return element === null ? {} : (JSON.parse(element.textContent ?? '{}') as Strings);
}

const size = () => (new URLSearchParams(location.search).get('size') === 'small' ? ('small' as const) : ('full' as const));

function setup(section: HTMLElement, ui: Strings, wasmPaths: string): void {
  const t: Translate = (key, params) => formatMessage(ui[key] ?? key, params);
  const label = (text: string) => ui[`live.text.${text}`] ?? text;
  const id = section.dataset['live'] ?? '';
  const run = section.querySelector<HTMLButtonElement>('[data-run]');
  const stop = section.querySelector<HTMLButtonElement>('[data-stop]');
  const output = section.querySelector<HTMLElement>('[data-run-output]');
  if (run === null || stop === null || output === null) return;
  const status = output.querySelector<HTMLElement>('.live-status');
  const progress = output.querySelector<HTMLProgressElement>('.live-progress');
  const summary = output.querySelector<HTMLElement>('.live-summary');
  const measured = output.querySelector<HTMLElement>('.live-measured');
  const charts = output.querySelector<HTMLElement>('.live-charts');
  const memory = output.querySelector<HTMLElement>('.live-memory');
  const why = section.querySelector<HTMLElement>('[data-backend-why]');
  const say = (text: string) => status !== null && (status.textContent = text);
  let controller: AbortController | undefined;
  let drawn: LineChartHandle[] = [];
  wireKnobs(section, id, t);
  run.disabled = false;

  stop.addEventListener('click', () => controller?.abort());
  run.addEventListener('click', async () => {
    controller = new AbortController();
    const { signal } = controller;
    run.disabled = true;
    stop.disabled = false;
    output.dataset['status'] = 'running';
    for (const key of ['ms', 'progress', 'error', 'backendHow']) delete output.dataset[key];
    say(t('live.loading'));
    if (progress !== null) Object.assign(progress, { hidden: false, value: 0, max: 1 });
    try {
      const runtime = await import('./live-runtime.js');
      const choice = await runtime.chooseBackend(backendPreference(), wasmPaths).catch((error: unknown) => {
        throw new Unsupported(error instanceof Error ? error.message : String(error));
      });
      output.dataset['backend'] = choice.name;
      output.dataset['backendHow'] = choice.how ?? 'first';
      if (why !== null) showBackendChoice(why, backendWords(choice, t));
      say(t('live.running', { backend: choice.name }));
      const example = await runtime.liveExample(id);
      const { result, ms, backend, tensors } = await runtime.runLiveExample(example, {
        size: size(),
        settings: readKnobs(section),
        signal,
        onProgress: ({ step, total, message }) => {
          output.dataset['progress'] = `${step}/${total}`;
          if (progress !== null) Object.assign(progress, { max: Math.max(total, 1), value: step });
          say(`${t('live.running', { backend: choice.name })} ${t('live.step', { step, total })}${message === undefined ? '' : ` — ${message}`}`);
        },
      });
      if (signal.aborted) throw new DOMException('stopped', 'AbortError');
      for (const handle of drawn) handle.destroy();
      drawn = await show(result, { summary, measured, charts }, t, label);
      output.dataset['backend'] = backend;
      output.dataset['ms'] = ms.toFixed(0);
      output.dataset['tensors'] = String(tensors.after);
      if (memory !== null) Object.assign(memory, { hidden: false, textContent: t('live.tensors', { count: tensors.after }) });
      say(t('live.done', { backend, seconds: (ms / 1000).toFixed(2) }));
      output.dataset['status'] = 'done';
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      const message = signal.aborted ? t('live.stopped') : error instanceof Unsupported ? t('live.unsupported', { message: text }) : t('live.error', { message: text });
      say(message);
      output.dataset['error'] = message;
      output.dataset['status'] = 'error';
      if (!signal.aborted) console.warn(`live example ${id} failed:`, error);
    } finally {
      if (progress !== null) progress.hidden = true;
      run.disabled = false;
      run.textContent = t('live.runAgain');
      stop.disabled = true;
    }
  });
}

/** A result's labels in the page's language: `live.text.<label>` from the UI files, else the label itself. */
function localize(result: LiveResult, label: (text: string) => string): LiveResult {
  const charts = (result.charts ?? []).map((chart) => ({
    ...chart,
    title: label(chart.title),
    x: label(chart.x),
    y: label(chart.y),
    series: chart.series.map((line) => ({ ...line, name: label(line.name) })),
  }));
  return { ...result, charts };
}

/** `<div data-key><dt>label</dt><dd data-value>value</dd></div>` rows of a definition list. */
function rows(values: Record<string, number | string>, label: (text: string) => string): HTMLElement[] {
  return Object.entries(values).map(([key, value]) => {
    const row = document.createElement('div');
    row.dataset['key'] = key;
    const term = document.createElement('dt');
    term.textContent = label(key);
    const detail = document.createElement('dd');
    detail.dataset['value'] = String(value);
    detail.textContent = typeof value === 'number' ? formatNumber(value) : label(value);
    row.append(term, detail);
    return row;
  });
}

async function show(
  raw: LiveResult,
  places: { summary: HTMLElement | null; measured: HTMLElement | null; charts: HTMLElement | null },
  t: Translate,
  label: (text: string) => string,
): Promise<LineChartHandle[]> {
  const result = localize(raw, label);
  const { summary, measured, charts } = places;
  if (summary !== null) {
    summary.replaceChildren(...rows(result.summary, label));
    summary.hidden = false;
    summary.setAttribute('aria-label', t('live.summary'));
  }
  const list = measured?.querySelector<HTMLElement>('.live-measured-list');
  if (measured !== null && list !== null && list !== undefined) {
    list.replaceChildren(...rows(result.measured ?? {}, label));
    measured.hidden = result.measured === undefined;
  }
  if (charts === null || (result.charts ?? []).length === 0) return [];
  const { lineChart } = await import('./line-chart.js');
  charts.replaceChildren();
  return (result.charts ?? []).map((chart) => {
    const place = document.createElement('div');
    charts.append(place);
    return lineChart(place, chart, { logLabel: t('chart.log') });
  });
}

const ui = strings();
const wasmPaths = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}tfjs-wasm/`;
const t: Translate = (key, params) => formatMessage(ui[key] ?? key, params);
for (const section of document.querySelectorAll<HTMLElement>('[data-live]')) setup(section, ui, wasmPaths);
wirePickers(() => {
  for (const why of document.querySelectorAll<HTMLElement>('[data-live] [data-backend-why]')) why.textContent = t('backend.notChosen');
});
