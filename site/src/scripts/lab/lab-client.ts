// The lab page: loads the CIFAR-10 sample, trains ResNet and its plain twin side by side (TF.js is
// loaded on Start), draws their curves and gradient norms as they come, and lets the reader look
// inside and classify a picture. Testing contract: `[data-lab-status]`'s data-state goes idle →
// loading → training ⇄ paused → done | stopped | error; data-epochs counts finished epochs;
// data-backend names the backend; `[data-lab-guesses]` gets data-state="done" with one list per network.
import { formatMessage, formatNumber } from '@residual/lessons';
import type { BackendChoice } from '@residual/core';
import { backendPreference, wirePickers } from '../backend-preference.js';
import { backendWords } from '../backend-words.js';
import type { LineChartHandle } from '../line-chart.js';
import { readKnobs, wireKnobs } from '../live-knobs.js';
import { drawImage32, imageFileTo32 } from './image-input.js';
import { loadSample, type Sample } from './lab-data.js';

type Runtime = typeof import('./lab-runtime.js');
type Kind = 'residual' | 'plain';
type Trainer = InstanceType<Runtime['LabTrainer']>;
type Translate = (key: string, params?: Record<string, string | number>) => string;

const kinds: readonly Kind[] = ['residual', 'plain'];
const colors: Record<Kind, string> = { residual: '#2563eb', plain: '#dc2626' };

const root = document.querySelector<HTMLElement>('[data-lab]');
const uiElement = document.getElementById('residual-ui');
const ui = JSON.parse(uiElement?.textContent ?? '{}') as Record<string, string>;
const t: Translate = (key, params) => formatMessage(ui[key] ?? key, params);
const wasmPaths = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}tfjs-wasm/`;
const size = () => (new URLSearchParams(location.search).get('size') === 'small' ? ('small' as const) : ('full' as const));
const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

function element<Type extends HTMLElement>(selector: string): Type {
  const found = root?.querySelector<Type>(selector);
  if (found === null || found === undefined) throw new Error(`lab page: ${selector} must exist, but it is missing. Check pages/[locale]/lab.astro.`);
  return found;
}

/** Everything the page holds while it lives. */
const state: { runtime?: Runtime; sample?: Sample; trainer?: Trainer; choice?: BackendChoice; charts: Partial<Record<string, LineChartHandle>> } = { charts: {} };

if (root !== null) setup(root);

function setup(section: HTMLElement): void {
  const start = element<HTMLButtonElement>('[data-lab-start]');
  const pause = element<HTMLButtonElement>('[data-lab-pause]');
  const stop = element<HTMLButtonElement>('[data-lab-stop]');
  const status = element<HTMLElement>('[data-lab-status]');
  wireKnobs(section, 'lab', t);
  wirePickers(() => {
    element<HTMLElement>('[data-backend-why]').textContent = t('backend.notChosen');
  });
  wireInside();
  wireClassify();
  start.disabled = false;
  start.addEventListener('click', () => {
    void train(start, pause, stop, status);
  });
  pause.addEventListener('click', () => {
    const trainer = state.trainer;
    if (trainer === undefined) return;
    if (trainer.paused) {
      trainer.resume();
      pause.textContent = t('lab.pause');
      setState(status, 'training');
    } else {
      trainer.pause();
      pause.textContent = t('lab.resume');
      setState(status, 'paused', t('lab.paused'));
    }
  });
  stop.addEventListener('click', () => state.trainer?.stop());
}

function setState(status: HTMLElement, value: string, text?: string): void {
  status.dataset['state'] = value;
  if (text !== undefined) status.textContent = text;
}

/** Downloads (or reads from the cache) and decodes the sample, showing progress. */
async function sample(): Promise<Sample> {
  if (state.sample !== undefined) return state.sample;
  const line = element<HTMLElement>('[data-lab-data]');
  const bar = element<HTMLProgressElement>('[data-lab-data-progress]');
  const data = root?.dataset ?? {};
  const mb = (bytes: number) => `${formatNumber(Number((bytes / 1e6).toFixed(1)))} MB`;
  bar.hidden = false;
  const loaded = await loadSample(
    { train: { url: data['trainUrl'] ?? '', bytes: Number(data['trainBytes']) }, test: { url: data['testUrl'] ?? '', bytes: Number(data['testBytes']) } },
    (progress) => {
      if (progress.phase === 'download') {
        line.textContent = t('lab.dataLoading', { loaded: mb(progress.loaded), total: mb(progress.total) });
        Object.assign(bar, { max: progress.total, value: progress.loaded });
      } else {
        line.textContent = `${progress.cached ? `${t('lab.dataCached')} ` : ''}${t('lab.dataDecoding', { done: formatNumber(progress.done), total: formatNumber(progress.total) })}`;
        Object.assign(bar, { max: progress.total, value: progress.done });
      }
    },
  );
  bar.hidden = true;
  line.textContent = `${loaded.cached ? `${t('lab.dataCached')} ` : ''}${t('lab.dataReady', { train: formatNumber(loaded.train.count), test: formatNumber(loaded.test.count) })}`;
  line.dataset['cached'] = String(loaded.cached);
  state.sample = loaded;
  return loaded;
}

async function train(start: HTMLButtonElement, pause: HTMLButtonElement, stop: HTMLButtonElement, status: HTMLElement): Promise<void> {
  start.disabled = true;
  setState(status, 'loading', t('lab.loading'));
  const progress = element<HTMLProgressElement>('[data-lab-progress]');
  try {
    const runtime = (state.runtime ??= await import('./lab-runtime.js'));
    const choice = await runtime.chooseBackend(backendPreference(), wasmPaths);
    state.choice = choice;
    status.dataset['backend'] = choice.name;
    showBackend(backendWords(choice, t));
    const data = await sample();
    const settings = readKnobs(element<HTMLElement>('.lab-panel'));
    const config = runtime.labConfig(size(), settings);
    // A GPU backend (a real one: software adapters are never chosen by themselves) trains the paper's deeper pair.
    const depthChosen = settings['depth'] !== undefined; // the reader (or the URL) chose a depth
    const gpu = (choice.name === 'webgpu' || choice.name === 'webgl') && choice.how === 'first';
    const run = gpu && !depthChosen && size() === 'full' ? { ...config, depth: 56 as const } : config;
    if (run.depth !== config.depth) element<HTMLSelectElement>('[data-knob="depth"]').value = String(run.depth);
    state.trainer?.dispose();
    const trainer = new runtime.LabTrainer(data, run);
    state.trainer = trainer;
    resetResults(run.depth);
    if (run.depth !== config.depth) status.textContent = t('lab.deeper');
    setState(status, 'training');
    status.dataset['epochs'] = '0';
    pause.disabled = false;
    stop.disabled = false;
    enableInside(true);
    progress.hidden = false;
    const curves = curveData();
    const stepsPerEpoch = Math.ceil(Math.min(run.trainImages, data.train.count) / run.batch);
    const outcome = await trainer.run({
      onStep: (step) => {
        const x = step.epoch - 1 + step.step / step.stepsPerEpoch;
        curves.step(step.kind, x, step.batchLoss, step.batchAccuracy);
        Object.assign(progress, { max: run.epochs * stepsPerEpoch, value: (step.epoch - 1) * stepsPerEpoch + step.step });
        if (!trainer.paused) {
          status.textContent = t('lab.training', { epoch: step.epoch, epochs: run.epochs, step: step.step, steps: step.stepsPerEpoch, backend: choice.name });
        }
        drawCurves(curves);
      },
      onTest: (epoch) => {
        status.textContent = t('lab.testing', { epoch, count: formatNumber(trainer.test.count) });
      },
      onEpoch: (epoch) => {
        curves.epoch(epoch.kind, epoch.epoch, epoch.testLoss, epoch.testAccuracy);
        addEpochRow(epoch, run.depth);
        drawCurves(curves);
        if (epoch.kind === 'plain') status.dataset['epochs'] = String(epoch.epoch);
      },
      onGradNorms: (measured) => gradientChart(measured),
    });
    const finished = trainer.history.length / 2;
    setState(status, outcome, outcome === 'done' ? t('lab.done', { epochs: finished, total: run.epochs, backend: choice.name }) : t('lab.stopped'));
    summarize(trainer, choice.name);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    setState(status, 'error', t('lab.error', { message }));
    status.dataset['error'] = message;
    console.warn('lab failed:', error);
  } finally {
    progress.hidden = true;
    start.disabled = false;
    pause.disabled = true;
    pause.textContent = t('lab.pause');
    stop.disabled = true;
  }
}

function showBackend(words: { chosen: string; skipped: string[] }): void {
  const why = element<HTMLElement>('[data-backend-why]');
  const list = document.createElement('ul');
  list.className = 'live-backend-skipped';
  list.append(...words.skipped.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
  why.replaceChildren(document.createTextNode(words.chosen), ...(words.skipped.length > 0 ? [list] : []));
}

/** The curves' points: training (smoothed per step) and test (per epoch), for both networks. */
function curveData() {
  const points = { loss: new Map<string, Array<[number, number]>>(), accuracy: new Map<string, Array<[number, number]>>() };
  const smooth: Record<Kind, { loss?: number; accuracy?: number }> = { residual: {}, plain: {} };
  const push = (measure: 'loss' | 'accuracy', series: string, point: [number, number]) => {
    const list = points[measure].get(series) ?? [];
    list.push(point);
    points[measure].set(series, list);
  };
  return {
    points,
    step(kind: Kind, x: number, loss: number, accuracy: number) {
      // An exponential moving average over about ten steps: one batch alone is noisy.
      const average = smooth[kind];
      average.loss = average.loss === undefined ? loss : 0.9 * average.loss + 0.1 * loss;
      average.accuracy = average.accuracy === undefined ? accuracy : 0.9 * average.accuracy + 0.1 * accuracy;
      push('loss', `${kind}Train`, [x, average.loss]);
      push('accuracy', `${kind}Train`, [x, average.accuracy]);
    },
    epoch(kind: Kind, epoch: number, loss: number, accuracy: number) {
      push('loss', `${kind}Test`, [epoch, loss]);
      push('accuracy', `${kind}Test`, [epoch, accuracy]);
    },
  };
}

const seriesOrder = ['residualTrain', 'residualTest', 'plainTrain', 'plainTest'] as const;

function drawCurves(curves: ReturnType<typeof curveData>): void {
  void (async () => {
    const { lineChart } = await import('../line-chart.js');
    for (const measure of ['loss', 'accuracy'] as const) {
      const chart = {
        title: t(`lab.chart.${measure}`),
        x: t('lab.chart.epoch'),
        y: t(`lab.chart.${measure}`),
        series: seriesOrder.map((name) => ({ name: t(`lab.series.${name}`), points: curves.points[measure].get(name) ?? [] })),
      };
      const known = state.charts[measure];
      if (known !== undefined) known.update(chart);
      else {
        const place = element<HTMLElement>(`[data-lab-chart="${measure}"]`);
        state.charts[measure] = lineChart(place, chart, {
          logLabel: t('chart.log'),
          style: (_name, index) => ({ color: colors[index < 2 ? 'residual' : 'plain'], ...(index % 2 === 1 ? { dash: [6, 4] } : {}) }),
        });
      }
    }
  })();
}

const norms: Partial<Record<string, Array<[number, number]>>> = {};

/** Lesson 2's chart for the two networks: before training (dashed) and after the latest epoch. */
function gradientChart(measured: { kind: Kind; epoch: number; norms: number[] }): void {
  const points = measured.norms.map((norm, index): [number, number] => [index + 1, norm]);
  if (measured.epoch === 0) norms[`${measured.kind}Start`] = points;
  else norms[`${measured.kind}Now`] = points;
  const epoch = measured.epoch;
  void (async () => {
    const { lineChart } = await import('../line-chart.js');
    const lines = kinds.flatMap((kind) => [
      { name: t(`lab.series.${kind}Start`), points: norms[`${kind}Start`] ?? [], style: { color: colors[kind], dash: [6, 4] } },
      ...(norms[`${kind}Now`] === undefined ? [] : [{ name: t(`lab.series.${kind}At`, { epoch }), points: norms[`${kind}Now`] ?? [], style: { color: colors[kind] } }]),
    ]);
    const chart = { title: t('lab.chart.gradients'), x: t('lab.chart.block'), y: t('lab.chart.norm'), log: true, series: lines.map(({ name, points }) => ({ name, points })) };
    const place = element<HTMLElement>('[data-lab-chart="gradients"]');
    state.charts['gradients']?.destroy();
    place.replaceChildren();
    state.charts['gradients'] = lineChart(place, chart, { logLabel: t('chart.log'), style: (_name, index) => lines[index]?.style ?? { color: '#000' } });
  })();
}

function resetResults(depth: number): void {
  for (const handle of Object.values(state.charts)) handle?.destroy();
  state.charts = {};
  for (const key of Object.keys(norms)) delete norms[key];
  for (const place of root?.querySelectorAll<HTMLElement>('[data-lab-chart]') ?? []) place.replaceChildren();
  element<HTMLElement>('[data-lab-epochs]').replaceChildren();
  element<HTMLElement>('[data-lab-summary]').hidden = true;
  element<HTMLElement>('[data-lab-guesses]').replaceChildren();
  root?.setAttribute('data-depth', String(depth));
}

function addEpochRow(epoch: { kind: Kind; epoch: number; trainLoss: number; trainAccuracy: number; testLoss: number; testAccuracy: number; seconds: number; imagesPerSecond: number }, depth: number): void {
  const row = document.createElement('tr');
  const cells = [
    t(`lab.net.${epoch.kind}`, { depth }),
    String(epoch.epoch),
    epoch.trainLoss.toFixed(3),
    percent(epoch.trainAccuracy),
    epoch.testLoss.toFixed(3),
    percent(epoch.testAccuracy),
    epoch.seconds.toFixed(1),
    epoch.imagesPerSecond.toFixed(1),
  ];
  row.append(...cells.map((text, index) => Object.assign(document.createElement(index === 0 ? 'th' : 'td'), { textContent: text, className: index > 0 ? 'numeric' : '' })));
  row.firstElementChild?.setAttribute('scope', 'row');
  element<HTMLElement>('[data-lab-epochs]').append(row);
}

/** The closing comparison in words: accuracies of the last epoch, the verdict, the time per epoch. */
function summarize(trainer: Trainer, backend: string): void {
  const box = element<HTMLElement>('[data-lab-summary]');
  const text = element<HTMLElement>('[data-lab-summary-text]');
  const last = (kind: Kind) => trainer.history.filter((epoch) => epoch.kind === kind).at(-1);
  const [residual, plain] = [last('residual'), last('plain')];
  box.hidden = false;
  if (residual === undefined || plain === undefined) {
    text.textContent = t('lab.summary.partial');
    return;
  }
  const { depth } = trainer.config;
  const verdict = residual.trainAccuracy > plain.trainAccuracy + 0.02 ? 'residualAhead' : plain.trainAccuracy > residual.trainAccuracy + 0.02 ? 'plainAhead' : 'close';
  const mean = (kind: Kind, key: 'seconds' | 'imagesPerSecond') => {
    const epochs = trainer.history.filter((epoch) => epoch.kind === kind);
    return epochs.reduce((sum, epoch) => sum + epoch[key], 0) / epochs.length;
  };
  text.textContent = [
    t('lab.summary.result', {
      epochs: residual.epoch,
      images: formatNumber(trainer.train.count),
      depth,
      rTrain: percent(residual.trainAccuracy),
      rTest: percent(residual.testAccuracy),
      pTrain: percent(plain.trainAccuracy),
      pTest: percent(plain.testAccuracy),
    }),
    t(`lab.summary.${verdict}`),
    t('lab.summary.speed', { rSeconds: mean('residual', 'seconds').toFixed(1), pSeconds: mean('plain', 'seconds').toFixed(1), backend, rate: mean('residual', 'imagesPerSecond').toFixed(1) }),
  ].join(' ');
  box.dataset['verdict'] = verdict;
}

function enableInside(on: boolean): void {
  for (const selector of ['[data-lab-image]', '[data-lab-show]', '[data-lab-another]', '[data-lab-upload]']) element<HTMLInputElement>(selector).disabled = !on;
  element<HTMLElement>('[data-lab-inside-status]').textContent = on ? '' : t('lab.insideIdle');
  element<HTMLElement>('[data-lab-classify-status]').textContent = on ? '' : t('lab.classifyIdle');
}

/** Feature maps of the chosen test image, both networks, each stage. */
function wireInside(): void {
  const form = element<HTMLFormElement>('[data-lab-inside-form]');
  const index = element<HTMLInputElement>('[data-lab-image]');
  const show = async () => {
    const { runtime, trainer, sample: data } = state;
    if (runtime === undefined || trainer === undefined || data === undefined) return;
    const chosen = Math.min(Math.max(0, Math.floor(Number(index.value) || 0)), data.test.count - 1);
    index.value = String(chosen);
    const rgb = data.test.images.subarray(chosen * 3072, (chosen + 1) * 3072);
    const maps = element<HTMLElement>('[data-lab-maps]');
    const original = Object.assign(document.createElement('canvas'), { width: 32, height: 32, className: 'lab-original' });
    drawImage32(original, rgb);
    const label = data.classNames[data.test.labels[chosen] ?? 0] ?? '';
    const figure = document.createElement('figure');
    figure.className = 'lab-original-figure';
    figure.append(original, Object.assign(document.createElement('figcaption'), { textContent: t('lab.imageCaption', { index: chosen, label: t(`lab.class.${label}`) }) }));
    const rows: HTMLElement[] = [figure];
    const batch = runtime.makeBatch({ images: rgb, labels: new Uint8Array(1), count: 1 }, [0], { imageShape: [32, 32, 3], stats: trainer.stats });
    const x = runtime.tf.tensor4d(batch.pixels, [1, 32, 32, 3]); // [1, 32, 32, 3]
    try {
      for (const kind of kinds) {
        const stages = await runtime.featureMaps(trainer.models[kind].layersModel, x, 8);
        const block = document.createElement('section');
        block.className = 'lab-network-maps';
        block.dataset['kind'] = kind;
        block.append(Object.assign(document.createElement('h3'), { textContent: t(`lab.net.${kind}`, { depth: trainer.config.depth }) }));
        for (const stage of stages) {
          const line = document.createElement('div');
          line.className = 'lab-stage';
          line.append(Object.assign(document.createElement('p'), { textContent: t('lab.stage', { layer: stage.layer, height: stage.height, width: stage.width, channels: stage.channels }) }));
          const strip = document.createElement('div');
          strip.className = 'lab-strip';
          for (const map of stage.maps) {
            const canvas = Object.assign(document.createElement('canvas'), { width: stage.width, height: stage.height });
            const context = canvas.getContext('2d');
            const image = context?.createImageData(stage.width, stage.height);
            if (context !== null && context !== undefined && image !== undefined) {
              map.forEach((value, pixel) => image.data.set([value, value, value, 255], pixel * 4));
              context.putImageData(image, 0, 0);
            }
            strip.append(canvas);
          }
          line.append(strip);
          block.append(line);
        }
        rows.push(block);
      }
    } finally {
      x.dispose();
    }
    maps.replaceChildren(...rows);
    maps.dataset['image'] = String(chosen);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void show();
  });
  element<HTMLButtonElement>('[data-lab-another]').addEventListener('click', () => {
    const count = state.sample?.test.count ?? 500;
    index.value = String((Number(index.value) + 37) % count); // a stride through the classes, which the sample interleaves
    void show();
  });
}

/** "Classify your own image": pick or drop a picture, both networks give their top 3. */
function wireClassify(): void {
  const input = element<HTMLInputElement>('[data-lab-upload]');
  const drop = element<HTMLElement>('[data-lab-drop]');
  const preview = element<HTMLCanvasElement>('[data-lab-preview]');
  const status = element<HTMLElement>('[data-lab-classify-status]');
  const guesses = element<HTMLElement>('[data-lab-guesses]');
  const classifyFile = async (file: File) => {
    const { runtime, trainer, sample: data } = state;
    if (runtime === undefined || trainer === undefined || data === undefined) {
      status.textContent = t('lab.classifyIdle');
      return;
    }
    guesses.dataset['state'] = 'running';
    try {
      const rgb = await imageFileTo32(file, preview);
      preview.hidden = false;
      const lists: HTMLElement[] = [];
      for (const kind of kinds) {
        const [top = []] = await runtime.classify(trainer.models[kind].layersModel, rgb, { imageShape: [32, 32, 3], stats: trainer.stats, classNames: data.classNames, top: 3 });
        const block = document.createElement('div');
        block.className = 'lab-guess';
        block.dataset['kind'] = kind;
        const list = document.createElement('ol');
        list.append(...top.map((guess) => Object.assign(document.createElement('li'), { textContent: t('lab.guess', { label: t(`lab.class.${guess.className}`), score: percent(guess.score) }) })));
        block.append(Object.assign(document.createElement('p'), { textContent: t('lab.guesses', { network: t(`lab.net.${kind}`, { depth: trainer.config.depth }) }) }), list);
        lists.push(block);
      }
      guesses.replaceChildren(...lists);
      status.textContent = '';
      guesses.dataset['state'] = 'done';
    } catch (error) {
      status.textContent = t('lab.badImage', { message: error instanceof Error ? error.message : String(error) });
      guesses.dataset['state'] = 'error';
    }
  };
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file !== undefined) void classifyFile(file);
  });
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('lab-drop-over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('lab-drop-over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('lab-drop-over');
    const file = event.dataTransfer?.files[0];
    if (file !== undefined) void classifyFile(file);
  });
}
