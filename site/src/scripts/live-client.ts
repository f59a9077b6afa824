// Makes every <Live> shell on the page runnable. Contract (tests rely on it): the button has
// `data-run`; the output `data-run-output` gets data-status running → done | error, and
// data-backend the backend that ran. `?backend=webgl` forces a backend, `?size=small` a small run.
import { formatMessage, formatNumber, type LiveResult } from '@residual/lessons';
import { lineChart } from './line-chart.js';

type Strings = Record<string, string>;

/** No TF.js backend could start in this browser (not a bug of the example). */
class Unsupported extends Error {}
const backends = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;

function strings(): Strings {
  const element = document.getElementById('residual-ui');
  return element === null ? {} : (JSON.parse(element.textContent ?? '{}') as Strings);
}

function options() {
  const params = new URLSearchParams(location.search);
  const backend = params.get('backend');
  const forced = backends.find((name) => name === backend);
  return { forced, size: params.get('size') === 'small' ? ('small' as const) : ('full' as const) };
}

function setup(section: HTMLElement, ui: Strings, wasmPaths: string): void {
  const t = (key: string, params?: Record<string, string | number>) => formatMessage(ui[key] ?? key, params);
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
  const say = (text: string) => status !== null && (status.textContent = text);
  let controller: AbortController | undefined;
  run.disabled = false;

  stop.addEventListener('click', () => controller?.abort());
  run.addEventListener('click', async () => {
    controller = new AbortController();
    const { signal } = controller;
    run.disabled = true;
    stop.disabled = false;
    output.dataset['status'] = 'running';
    delete output.dataset['ms'];
    delete output.dataset['progress'];
    delete output.dataset['error'];
    say(t('live.loading'));
    if (progress !== null) Object.assign(progress, { hidden: false, value: 0, max: 1 });
    try {
      const runtime = await import('./live-runtime.js');
      const { forced, size } = options();
      const choice = await runtime.chooseBackend(forced, wasmPaths).catch((error: unknown) => {
        throw new Unsupported(error instanceof Error ? error.message : String(error));
      });
      output.dataset['backend'] = choice.name;
      output.title = choice.skipped.length === 0 ? '' : t('live.skipped', { list: choice.skipped.map((skip) => `${skip.name} (${skip.reason})`).join('; ') });
      say(t('live.running', { backend: choice.name }));
      const example = runtime.liveExample(id);
      const { result, ms, backend, tensors } = await runtime.runLiveExample(example, {
        size,
        signal,
        onProgress: ({ step, total, message }) => {
          output.dataset['progress'] = `${step}/${total}`;
          if (progress !== null) Object.assign(progress, { max: Math.max(total, 1), value: step });
          say(`${t('live.running', { backend: choice.name })} ${t('live.step', { step, total })}${message === undefined ? '' : ` — ${message}`}`);
        },
      });
      if (signal.aborted) throw new DOMException('stopped', 'AbortError');
      show(result, { summary, measured, charts }, t, label);
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

function show(
  raw: LiveResult,
  places: { summary: HTMLElement | null; measured: HTMLElement | null; charts: HTMLElement | null },
  t: (key: string) => string,
  label: (text: string) => string,
): void {
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
  if (charts !== null) charts.innerHTML = (result.charts ?? []).map((chart) => lineChart(chart, t('chart.log'))).join('');
}

const ui = strings();
const wasmPaths = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}tfjs-wasm/`;
for (const section of document.querySelectorAll<HTMLElement>('[data-live]')) setup(section, ui, wasmPaths);
