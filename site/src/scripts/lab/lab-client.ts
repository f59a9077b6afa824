// The lab page: loads the CIFAR-10 sample, trains ResNet and its plain twin side by side (TF.js is
// loaded on Start), draws their curves and gradient norms as they come, and lets the reader look
// inside and classify a picture. Testing contract: `[data-lab-status]`'s data-state goes idle →
// loading → training ⇄ paused → done | stopped | error; data-epochs counts finished epochs;
// data-backend names the backend; `[data-lab-guesses]` gets data-state="done" with one list per network.
import { formatNumber } from '@residual/lessons';
import { backendPreference, wirePickers } from '../backend-preference.js';
import { backendWords, showBackendChoice } from '../backend-words.js';
import { readKnobs, wireKnobs } from '../live-knobs.js';
import { wireClassify } from './classify-view.js';
import { enableInside, wireInside } from './feature-maps-view.js';
import { clearCharts, curveData, drawCurves, gradientChart } from './lab-curves.js';
import { loadSample, type Sample } from './lab-data.js';
import { element, root, state, t } from './lab-page.js';
import { addEpochRow, summarize } from './lab-report.js';

const wasmPaths = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}tfjs-wasm/`;
const size = () => (new URLSearchParams(location.search).get('size') === 'small' ? ('small' as const) : ('full' as const));

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
    showBackendChoice(element<HTMLElement>('[data-backend-why]'), backendWords(choice, t));
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

/** Clears the charts, the table, the comparison and the guesses of a previous run. */
function resetResults(depth: number): void {
  clearCharts();
  element<HTMLElement>('[data-lab-epochs]').replaceChildren();
  element<HTMLElement>('[data-lab-summary]').hidden = true;
  element<HTMLElement>('[data-lab-guesses]').replaceChildren();
  root?.setAttribute('data-depth', String(depth));
}
