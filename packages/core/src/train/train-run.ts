import { readFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs-core';
import { encodeCheckpoint, type CheckpointHeader } from '../checkpoint/checkpoint-format.js';
import { loadCheckpoint } from '../checkpoint/load-checkpoint.js';
import { snapshotTensors } from '../checkpoint/snapshot.js';
import { writeFileAtomic } from '../checkpoint/write-checkpoint.js';
import { channelStats, type ChannelStats } from '../data/channel-stats.js';
import { DataError } from '../data/data-error.js';
import type { ImageDataset } from '../data/image-dataset.js';
import { describeDataset } from '../data/load-dataset.js';
import { buildModel, type ResNetConfig, type ResNetModel } from '../model-api.js';
import { renderCurvesSvg } from './curves-svg.js';
import { NonFiniteLossError, NonFiniteWeightsError } from './non-finite-loss-error.js';
import { fit, initialState, type EpochMetrics, type FitOptions, type StepProgress, type TrainingState } from './fit.js';
import { Optimizer, type OptimizerConfig } from './optimizer.js';
import { describeDevice, gitCommit, type Provenance } from './provenance.js';
import { ensureWritable, runFiles } from './run-folder.js';

/** Everything `residual train` decides. */
export interface TrainRunOptions {
  /** A registered model name; on resume the checkpoint's model is used (a different name here is reported). */
  readonly model: string;
  readonly data: ImageDataset;
  /** The run folder: `last.ckpt`, `best.ckpt`, `metrics.jsonl`, `curves.svg`. */
  readonly out: string;
  readonly fit: FitOptions;
  readonly optimizer: OptimizerConfig;
  readonly seed: number;
  /**
   * Continue from `out/last.ckpt` with the checkpoint's hyper-parameters; `fit.epochs` may extend
   * the run, and `resumeLr` (the CLI's explicit `--lr`) replaces the base learning rate — e.g. lower
   * after the loss diverged.
   */
  readonly resume: boolean;
  readonly resumeLr?: number;
  /**
   * A time budget: the run should end by this time (milliseconds, as `Date.now()`). After each
   * epoch, if one more epoch as long as the longest this process has run would end later, the run
   * stops there, its `last.ckpt` saved — continue it with `resume`. At least one epoch runs.
   */
  readonly stopBy?: number;
  /** The active backend and its detail, for provenance. */
  readonly backend: { readonly name: string; readonly detail?: string };
  /** The command line, for provenance. */
  readonly command: string;
  readonly onProgress?: (progress: StepProgress) => void;
  readonly onLine?: (line: string) => void;
}

/** Why a run ended before its last epoch: {@link TrainRunOptions.stopBy} left no time for another. */
export interface BudgetStop {
  /** The last epoch done (and saved). */
  readonly epoch: number;
  /** The run's epochs in total. */
  readonly epochs: number;
  /** The longest epoch of this process, in seconds: what the next one was expected to take. */
  readonly nextEpochSeconds: number;
}

/**
 * Trains a model as `residual train` does, writing a run folder: after every epoch `last.ckpt`
 * (config, every weight including BN running statistics, optimiser state, epoch and generator
 * state — written atomically), `best.ckpt` whenever the test accuracy is the best so far,
 * `metrics.jsonl` (a provenance line, then one line per epoch) and `curves.svg`. With `resume`,
 * it continues from `last.ckpt`: a run killed mid-epoch loses only that epoch. With `stopBy`, it
 * stops between epochs so as to end by that time.
 *
 * @param options - model, data, hyper-parameters, run folder, backend and callbacks.
 * @returns the trained model, its final state, the metrics of every epoch, and `stopped` (or `null`)
 *   when the time budget ended the run early.
 * @throws NonFiniteLossError or NonFiniteWeightsError when the loss or the weights diverge: nothing of
 *   that epoch is saved, and the message names the checkpoints kept.
 * @example
 * const { history } = await trainRun({ model: 'resnet20', data, out: 'runs/a', fit, optimizer: paperSgd, seed: 1, resume: false, backend: { name: 'wasm' }, command: 'residual train …' });
 */
export async function trainRun(
  options: TrainRunOptions,
): Promise<{ model: ResNetModel; state: TrainingState; history: EpochMetrics[]; stopped: BudgetStop | null }> {
  const files = runFiles(options.out);
  const say = options.onLine ?? (() => {});
  await ensureWritable(options.out);
  let model: ResNetModel;
  let optimizer: Optimizer;
  let state: TrainingState;
  let history: EpochMetrics[] = [];
  let stats: ChannelStats;
  let provenance: Provenance;
  const saved: Saved = { last: null, best: null };
  let fitOptions = options.fit;
  let seed = options.seed;
  const data = options.data;
  if (options.resume) {
    const loaded = await loadCheckpoint(files.last).catch((error: Error) => {
      if (error instanceof DataError) {
        throw new DataError(
          `train: --resume needs ${files.last} from an earlier run, but it cannot be read (${error.message.split('. ')[0]}). Start without --resume.`,
        );
      }
      throw error;
    });
    const { header } = loaded;
    model = loaded.model;
    checkDataMatches(header.model, data, files.last);
    optimizer = new Optimizer(header.optimizer, trainableVariables(model));
    optimizer.loadState(loaded.optimizerState, header.optimizer.step);
    tf.dispose(loaded.optimizerState);
    state = header.state;
    saved.last = state.epoch;
    saved.best = state.bestEpoch;
    history = [...header.history];
    stats = header.data.stats;
    seed = header.seed;
    fitOptions = { ...header.fit, epochs: options.fit.epochs, ...(options.resumeLr === undefined ? {} : { lr: options.resumeLr }) };
    const previous = await readFile(files.metrics, 'utf8').catch(() => '');
    const firstLine = previous.split('\n')[0] ?? '';
    provenance = firstLine.includes('"kind":"run"') ? (JSON.parse(firstLine) as Provenance) : makeProvenance(options, data, header.model.name);
    say(`resuming ${files.last}: ${state.epoch} of ${fitOptions.epochs} epochs done, best test accuracy ${formatPercent(state.bestAccuracy)}`);
    if (options.model !== '' && options.model !== header.model.name) say(`note: the checkpoint holds ${header.model.name}; model ${options.model} is ignored when resuming`);
  } else {
    const [height, width, channels] = data.imageShape;
    const config: ResNetConfig = { name: options.model, numClasses: data.classNames.length, inputShape: [height, width, channels], seed: options.seed };
    model = buildModel(options.model, config);
    optimizer = new Optimizer(options.optimizer, trainableVariables(model));
    state = initialState(options.seed);
    stats = channelStats(data.train, channels);
    provenance = makeProvenance(options, data, options.model);
  }
  say(`model ${model.name}: input ${model.inputShape.join('×')}, ${model.config.numClasses} classes`);
  // The time budget stops fit() through its abort signal, which it checks before the next step.
  const budget = new AbortController();
  const outOfTime = new Error('train: the time budget is spent');
  let stopped: BudgetStop | null = null;
  let longestEpoch = 0;
  let lastState = state;
  const run = fit(
    { model: model.layersModel, optimizer, data, stats, options: fitOptions, state },
    {
      signal: budget.signal,
      onStep: (progress) => options.onProgress?.(progress),
      onEpochEnd: async (metrics, next) => {
        history.push(metrics);
        const header: Omit<CheckpointHeader, 'tensors'> = {
          format: 'residual-checkpoint',
          version: 1,
          model: model.config,
          data: { kind: data.kind, source: data.source, classNames: data.classNames, imageShape: data.imageShape, stats },
          fit: fitOptions,
          optimizer: { ...optimizer.config, step: optimizer.step },
          seed,
          state: next,
          history,
          backend: options.backend.name,
          savedAt: new Date().toISOString(),
        };
        const { tensors, values } = await snapshotTensors(model.layersModel, optimizer);
        const bytes = encodeCheckpoint({ ...header, tensors }, values);
        await writeFileAtomic(files.last, bytes);
        const best = next.bestEpoch === metrics.epoch;
        if (best) await writeFileAtomic(files.best, bytes);
        saved.last = metrics.epoch;
        if (best) saved.best = metrics.epoch;
        const lines = [provenance, ...history.map((entry) => ({ kind: 'epoch', ...entry }))].map((entry) => JSON.stringify(entry));
        await writeFileAtomic(files.metrics, `${lines.join('\n')}\n`);
        await writeFileAtomic(files.curves, renderCurvesSvg(history, `${model.name} on ${describeDataset(data)}`));
        say(
          `epoch ${metrics.epoch}/${fitOptions.epochs}: train loss ${metrics.trainLoss.toFixed(4)} acc ${formatPercent(metrics.trainAccuracy)}, ` +
            `test loss ${metrics.testLoss.toFixed(4)} acc ${formatPercent(metrics.testAccuracy)}, ` +
            `${Math.round(metrics.imagesPerSecond)} img/s, ${metrics.seconds.toFixed(1)} s — saved ${best ? 'last.ckpt and best.ckpt' : 'last.ckpt'}`,
        );
        lastState = next;
        longestEpoch = Math.max(longestEpoch, metrics.seconds);
        if (options.stopBy !== undefined && metrics.epoch < fitOptions.epochs && Date.now() + longestEpoch * 1000 > options.stopBy) {
          stopped = { epoch: metrics.epoch, epochs: fitOptions.epochs, nextEpochSeconds: longestEpoch };
          budget.abort(outOfTime);
        }
      },
    },
  );
  const result = await run.catch((error: unknown) => {
    if (error instanceof NonFiniteLossError || error instanceof NonFiniteWeightsError) throw error.withKept(keptSentence(files, saved, error.epoch));
    if (error !== outOfTime) throw error;
    return { state: lastState };
  });
  optimizer.dispose();
  return { model, state: result.state, history, stopped };
}

/** The epochs of the checkpoints on disk: what a failed epoch leaves the user. */
interface Saved {
  last: number | null;
  best: number | null;
}

function keptSentence(files: ReturnType<typeof runFiles>, saved: Saved, epoch: number): string {
  if (saved.last === null) return `Nothing of epoch ${epoch} was saved, and the run has no checkpoint yet: start again with a lower --lr.`;
  const kept = [`${files.last} (epoch ${saved.last})`, ...(saved.best === null ? [] : [`${files.best} (epoch ${saved.best})`])];
  return `Nothing of epoch ${epoch} was saved: ${kept.join(' and ')} ${kept.length > 1 ? 'are' : 'is'} kept; continue with --resume and a lower --lr.`;
}

function trainableVariables(model: ResNetModel): tf.Variable[] {
  return model.layersModel.trainableWeights.map((weight) => weight.read() as tf.Variable);
}

function formatPercent(value: number): string {
  return value < 0 ? 'n/a' : `${(value * 100).toFixed(2)} %`;
}

function makeProvenance(options: TrainRunOptions, data: ImageDataset, model: string): Provenance {
  return {
    kind: 'run',
    command: options.command,
    commit: gitCommit(),
    backend: options.backend.name,
    device: describeDevice(options.backend.name, options.backend.detail),
    date: new Date().toISOString(),
    dataset: describeDataset(data),
    model,
  };
}

function checkDataMatches(config: ResNetConfig, data: ImageDataset, file: string): void {
  const [height, width, channels] = data.imageShape;
  if (config.numClasses !== data.classNames.length || config.inputShape.join() !== [height, width, channels].join()) {
    throw new DataError(
      `train: the data must match ${file} (${config.numClasses} classes of ${config.inputShape.join('×')}), but got ` +
        `${data.classNames.length} classes of ${height}×${width}×${channels}. Resume with the data the run started with.`,
    );
  }
}
