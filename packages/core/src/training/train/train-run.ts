import { readFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs-core';
import { recoverCheckpointPair, saveCheckpointPair } from '../checkpoint/checkpoint-pair.js';
import { encodeCheckpoint, type CheckpointHeader } from '../checkpoint/checkpoint-format.js';
import { killPoint } from '../checkpoint/kill-point.js';
import { loadCheckpoint } from '../checkpoint/load-checkpoint.js';
import { snapshotTensors } from '../checkpoint/snapshot.js';
import { writeFileAtomic } from '../checkpoint/write-checkpoint.js';
import { channelStats, type ChannelStats } from '../data/channel-stats.js';
import { DataError } from '../data/data-error.js';
import type { ImageDataset } from '../data/image-dataset.js';
import { describeDataset } from '../data/load-dataset.js';
import { buildModel } from '../../model/models/registry.js';
import type { ResNetConfig, ResNetModel } from '../../model/models/resnet-model.js';
import { renderCurvesSvg } from './curves-svg.js';
import { NonFiniteLossError, NonFiniteWeightsError } from './non-finite-loss-error.js';
import { fit, initialState, type EpochMetrics, type FitOptions, type StepProgress, type TrainingState } from './fit.js';
import { Optimizer, type OptimizerConfig } from './optimizer.js';
import { describeDevice, gitCommit, type Provenance } from './provenance.js';
import { clearRunFolder, describeRunFolder, ensureWritable, inspectRunFolder, removeTemporaries, runFiles } from './run-folder.js';
import { lockRunFolder, type RunLock } from './run-lock.js';
import { assertStepFits } from './step-memory.js';

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
   * Start a new run in a folder that holds one, deleting its checkpoints, metrics and curves first.
   * Without it (and without `resume`), a folder that holds a run is refused.
   */
  readonly overwrite?: boolean;
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
  /** Results: the model, each epoch's metrics. */
  readonly onLine?: (line: string) => void;
  /** Notes about the run folder (a stale lock taken over, leftovers removed, a save completed); default `onLine`. */
  readonly onNote?: (line: string) => void;
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
 * state — written atomically), `best.ckpt` whenever the test accuracy is the best so far (written
 * first, so the pair is consistent after a kill at any instant), `metrics.jsonl` (a provenance line,
 * then one line per epoch) and `curves.svg`. The folder has one writer: `train.lock` holds this
 * process's PID while it runs, a second run into the folder is refused, and a lock left by a killed
 * run is reported and taken over, with the temporary files it left. A folder that holds a run is
 * refused unless `resume` (continue from `last.ckpt`: a run killed mid-epoch loses only that epoch)
 * or `overwrite`. With `stopBy`, it stops between epochs so as to end by that time.
 *
 * @param options - model, data, hyper-parameters, run folder, backend and callbacks.
 * @returns the trained model, its final state, the metrics of every epoch, and `stopped` (or `null`)
 *   when the time budget ended the run early.
 * @throws DataError when another process writes the folder, when it holds a run and neither `resume`
 *   nor `overwrite` is set, or when a file cannot be saved (naming what was kept).
 * @throws NonFiniteLossError or NonFiniteWeightsError when the loss or the weights diverge: nothing of
 *   that epoch is saved, and the message names the checkpoints kept.
 * @example
 * const { history } = await trainRun({ model: 'resnet20', data, out: 'runs/a', fit, optimizer: paperSgd, seed: 1, resume: false, backend: { name: 'wasm' }, command: 'residual train …' });
 */
export async function trainRun(
  options: TrainRunOptions,
): Promise<{ model: ResNetModel; state: TrainingState; history: EpochMetrics[]; stopped: BudgetStop | null }> {
  await ensureWritable(options.out);
  const note = options.onNote ?? options.onLine ?? (() => {});
  const lock = await lockRunFolder(options.out, options.command, note);
  try {
    const replaced = await prepareFolder(options, note);
    return await trainLocked(options, lock, async () => {
      if (replaced === null) return;
      await clearRunFolder(options.out);
      note(`note: --overwrite: deleted the run that was in ${options.out} (${replaced})`);
    });
  } finally {
    await lock.release();
  }
}

/**
 * Clears what a killed run left, completes an interrupted save, and refuses to mix two runs.
 * Returns what `overwrite` is to delete (once the new run is known to be able to start), or `null`.
 */
async function prepareFolder(options: TrainRunOptions, note: (line: string) => void): Promise<string | null> {
  const { out } = options;
  const removed = await removeTemporaries(out);
  if (removed.length > 0) note(`note: removed ${removed.length === 1 ? 'an unfinished file' : `${removed.length} unfinished files`} that an interrupted run left in ${out}: ${removed.join(', ')}`);
  if (options.resume) {
    const repaired = await recoverCheckpointPair(runFiles(out));
    if (repaired !== null) note(`note: ${repaired}`);
    return null;
  }
  const held = describeRunFolder(await inspectRunFolder(out));
  if (held === null) return null;
  if (options.overwrite !== true) {
    throw new DataError(
      `train: --out ${out} must be a new run folder, but it holds a run: ${held}. ` +
        'Continue it with --resume, replace it with --overwrite, or choose another --out.',
    );
  }
  return held;
}

async function trainLocked(
  options: TrainRunOptions,
  lock: RunLock,
  clearOldRun: () => Promise<void>,
): Promise<{ model: ResNetModel; state: TrainingState; history: EpochMetrics[]; stopped: BudgetStop | null }> {
  const files = runFiles(options.out);
  const say = options.onLine ?? (() => {});
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
    const contents = await inspectRunFolder(options.out);
    saved.last = state.epoch;
    saved.best = contents.best;
    history = [...header.history];
    stats = header.data.stats;
    seed = header.seed;
    fitOptions = { ...header.fit, epochs: options.fit.epochs, ...(options.resumeLr === undefined ? {} : { lr: options.resumeLr }) };
    const previous = await readFile(files.metrics, 'utf8').catch(() => '');
    const firstLine = previous.split('\n')[0] as string; // split gives at least one part
    provenance = firstLine.includes('"kind":"run"') ? (JSON.parse(firstLine) as Provenance) : makeProvenance(options, data, header.model.name);
    // The records follow the checkpoint: an earlier run may have been killed before writing them.
    await writeRecords(files, provenance, history, `${model.name} on ${describeDataset(data)}`);
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
  try {
    assertStepFits(model.layersModel, { backend: options.backend.name, mode: 'train', batchSize: fitOptions.batchSize, images: data.train.count, command: 'train' });
  } catch (error) {
    optimizer.dispose();
    model.dispose();
    throw error;
  }
  await clearOldRun();
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
      onStep: (progress) => {
        killPoint('step');
        options.onProgress?.(progress);
      },
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
        const best = next.bestEpoch === metrics.epoch;
        await lock.assertHeld();
        let writing = best ? files.best : files.last;
        try {
          await saveCheckpointPair(files, bytes, best, (which) => {
            saved[which] = metrics.epoch;
            writing = files.last;
          });
          await writeRecords(files, provenance, history, `${model.name} on ${describeDataset(data)}`, (file) => (writing = file));
        } catch (error) {
          const kept = keptSentence(files, saved, `Epoch ${metrics.epoch} is not completely saved`, {
            then: 'free some space or fix the folder, then continue with --resume',
            otherwise: 'free some space or fix the folder, then start it again',
          });
          throw saveError(error, writing, kept);
        }
        say(
          `epoch ${metrics.epoch}/${fitOptions.epochs}: train loss ${metrics.trainLoss.toFixed(4)} acc ${formatPercent(metrics.trainAccuracy)}, ` +
            `test loss ${metrics.testLoss.toFixed(4)} acc ${formatPercent(metrics.testAccuracy)}, ` +
            `${Math.round(metrics.imagesPerSecond)} img/s, ${metrics.seconds.toFixed(1)} s — saved ${best ? 'best.ckpt and last.ckpt' : 'last.ckpt'}`,
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
    if (error instanceof NonFiniteLossError || error instanceof NonFiniteWeightsError) {
      const kept = keptSentence(files, saved, `Nothing of epoch ${error.epoch} was saved`, {
        then: 'continue with --resume and a lower --lr',
        otherwise: 'start it again with a lower --lr',
      });
      throw error.withKept(kept);
    }
    if (error !== outOfTime) throw error;
    return { state: lastState };
  });
  optimizer.dispose();
  return { model, state: result.state, history, stopped };
}

/** Writes `metrics.jsonl` (provenance, then one line per epoch) and `curves.svg`, saying which file it writes. */
async function writeRecords(
  files: ReturnType<typeof runFiles>,
  provenance: Provenance,
  history: readonly EpochMetrics[],
  title: string,
  onFile: (file: string) => void = () => {},
): Promise<void> {
  const lines = [provenance, ...history.map((entry) => ({ kind: 'epoch', ...entry }))].map((entry) => JSON.stringify(entry));
  onFile(files.metrics);
  await writeFileAtomic(files.metrics, `${lines.join('\n')}\n`);
  onFile(files.curves);
  await writeFileAtomic(files.curves, renderCurvesSvg(history, title));
}

/** The epochs of the checkpoints on disk: what a failed epoch leaves the user. */
interface Saved {
  last: number | null;
  best: number | null;
}

/**
 * What a failed epoch leaves, e.g. `Nothing of epoch 2 was saved: runs/a/last.ckpt (epoch 1) and
 * runs/a/best.ckpt (epoch 1) are kept; continue with --resume and a lower --lr.`
 */
function keptSentence(files: ReturnType<typeof runFiles>, saved: Saved, lead: string, advice: { then: string; otherwise: string }): string {
  if (saved.last === null && saved.best === null) return `${lead}, and the run has no checkpoint yet: ${advice.otherwise}.`;
  const kept = [
    ...(saved.last === null ? [] : [`${files.last} (epoch ${saved.last})`]),
    ...(saved.best === null ? [] : [`${files.best} (epoch ${saved.best})`]),
  ];
  return `${lead}: ${kept.join(' and ')} ${kept.length > 1 ? 'are' : 'is'} kept; ${advice.then}.`;
}

const writeFailures: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'an input/output error',
};

/** A failed save as the project's error: which file, why, what was kept. */
function saveError(error: unknown, file: string, kept: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined || error instanceof DataError) return error;
  return new DataError(`train: ${file} must be saved, but writing it failed with ${code} (${writeFailures[code] ?? (error as Error).message}). ${kept}`);
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
