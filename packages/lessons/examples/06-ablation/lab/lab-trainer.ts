/**
 * The lab's training loop: ResNet and its plain twin trained side by side — one step of each in
 * turn, on the same batches in the same order — with the project's own training step, evaluated on
 * the test images after every epoch. Pause, resume and stop between steps.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ResNetModel } from '@residual/core/model';
import {
  Optimizer,
  Rng,
  channelStats,
  cifarAugmentation,
  evaluate,
  learningRateAt,
  makeBatch,
  paperSgd,
  trainStep,
  type ChannelStats,
  type ImageSplit,
} from '@residual/core/training';
import { registerTrainingKernels } from '@residual/core/engine';
import { blockGradientNorms } from './lab-inside.js';
import { labKinds, labPair, type LabKind } from './lab-models.js';
import type { LabConfig } from './lab-settings.js';

/** The images the lab trains and tests on (CIFAR-10: `[count, 32, 32, 3]` bytes). */
export interface LabData {
  readonly train: ImageSplit;
  readonly test: ImageSplit;
  readonly classNames: readonly string[];
}

/** After each step of one network: running means over the epoch so far. */
export interface LabStep {
  readonly kind: LabKind;
  readonly epoch: number;
  /** Steps done in this epoch, from 1. */
  readonly step: number;
  readonly stepsPerEpoch: number;
  readonly loss: number;
  readonly accuracy: number;
  /** This step's own batch: loss and accuracy. */
  readonly batchLoss: number;
  readonly batchAccuracy: number;
}

/** One network's epoch: training means, test results, and its own time on this backend. */
export interface LabEpoch {
  readonly kind: LabKind;
  readonly epoch: number;
  readonly trainLoss: number;
  readonly trainAccuracy: number;
  readonly testLoss: number;
  readonly testAccuracy: number;
  /** Seconds this network's steps and evaluation took (the other network's and pauses excluded). */
  readonly seconds: number;
  /** Training images per second of this network's steps. */
  readonly imagesPerSecond: number;
}

/** Lesson 2's measure on one network: the gradient norm of each block's first convolution. */
export interface LabGradNorms {
  readonly kind: LabKind;
  /** Measured after this many epochs (0: before training). */
  readonly epoch: number;
  readonly blocks: string[];
  readonly norms: number[];
}

/** What the page hears while the lab runs. */
export interface LabEvents {
  onStep?(step: LabStep): void;
  /** Before both networks are tested after `epoch`. */
  onTest?(epoch: number): void;
  onEpoch?(epoch: LabEpoch): void;
  onGradNorms?(norms: LabGradNorms): void;
}

const imageShape = [32, 32, 3] as const;

/**
 * Lets the page breathe: on CPU backends a read back resolves at once, so without a macrotask
 * between steps a whole run would be one chain of microtasks — no repaint, no Pause button.
 */
const yieldToPage = () => new Promise<void>((done) => setTimeout(done, 0));

/** The first `count` images of a split (the sample interleaves the classes, so every class is there). */
function firstImages(split: ImageSplit, count: number): ImageSplit {
  const n = Math.min(count, split.count);
  const size = split.images.length / Math.max(split.count, 1);
  return { images: split.images.subarray(0, n * size), labels: split.labels.subarray(0, n), count: n };
}

/**
 * Trains a residual network and its plain twin side by side. Build it, call {@link LabTrainer.run},
 * and {@link LabTrainer.dispose} it when the page no longer needs the models.
 *
 * @example
 * const lab = new LabTrainer(data, labConfig('full'));
 * await lab.run({ onEpoch: (epoch) => console.log(epoch.kind, epoch.testAccuracy) });
 * lab.dispose();
 */
export class LabTrainer {
  readonly models: Record<LabKind, ResNetModel>;
  /** Normalisation: the training images' own per-channel statistics. */
  readonly stats: ChannelStats;
  readonly train: ImageSplit;
  readonly test: ImageSplit;
  /** Every finished epoch of both networks, in order. */
  readonly history: LabEpoch[] = [];
  private readonly optimizers: Record<LabKind, Optimizer>;
  private resumeGate: Promise<void> | undefined;
  private release: (() => void) | undefined;
  private stopped = false;

  constructor(
    data: LabData,
    readonly config: LabConfig,
  ) {
    registerTrainingKernels(tf.getBackend()); // gradient kernels wasm lacks, a faster one for cpu
    this.train = firstImages(data.train, config.trainImages);
    this.test = firstImages(data.test, config.testImages);
    this.stats = channelStats(this.train, 3);
    this.models = labPair(config.depth, config.seed);
    const optimizer = (model: ResNetModel) => {
      const variables = model.layersModel.trainableWeights.map((weight) => weight.read() as tf.Variable);
      let built: Optimizer | undefined;
      tf.tidy(() => {
        built = new Optimizer(paperSgd, variables); // inside tidy: the constructor's temporary zeros are freed
      });
      return built as Optimizer;
    };
    this.optimizers = { residual: optimizer(this.models.residual), plain: optimizer(this.models.plain) };
  }

  /** Whether the run waits for {@link resume}. */
  get paused(): boolean {
    return this.resumeGate !== undefined;
  }

  /** Holds the run after the current step. */
  pause(): void {
    this.resumeGate ??= new Promise((done) => {
      this.release = done;
    });
  }

  /** Lets a paused run go on. */
  resume(): void {
    this.release?.();
    this.resumeGate = undefined;
    this.release = undefined;
  }

  /** Ends the run after the current step; what was measured so far stays. */
  stop(): void {
    this.stopped = true;
    this.resume();
  }

  /**
   * Trains both networks for the configured epochs, or until {@link stop}.
   *
   * @param events - progress after each step, each epoch, and each gradient-norm measurement.
   * @returns `done` after the last epoch, `stopped` when stopped first.
   */
  async run(events: LabEvents = {}): Promise<'done' | 'stopped'> {
    const { batch, epochs, lr, augment, seed } = this.config;
    const stepsPerEpoch = Math.ceil(this.train.count / batch);
    const rng = Rng.fromSeed(seed);
    await this.measureGradients(0, events);
    for (let epoch = 1; epoch <= epochs; epoch += 1) {
      const order = rng.permutation(this.train.count);
      const sums = Object.fromEntries(labKinds.map((kind) => [kind, { loss: 0, correct: 0, seen: 0, ms: 0 }])) as Record<LabKind, { loss: number; correct: number; seen: number; ms: number }>;
      for (let step = 0; step < stepsPerEpoch; step += 1) {
        await this.resumeGate;
        if (this.stopped) return 'stopped';
        const indices = order.subarray(step * batch, (step + 1) * batch);
        // One batch for both networks: the same images, the same crops and flips.
        const images = makeBatch(this.train, indices, { imageShape, stats: this.stats, ...(augment ? { augment: cifarAugmentation, rng } : {}) });
        const rate = learningRateAt({ kind: 'cosine' }, lr, (epoch - 1) * stepsPerEpoch + step, epochs * stepsPerEpoch);
        for (const kind of labKinds) {
          const started = performance.now();
          const result = tf.tidy(() => {
            const x = tf.tensor4d(images.pixels, [indices.length, ...imageShape]); // [N, 32, 32, 3]
            const labels = tf.tensor1d(images.labels, 'int32'); //                     [N]
            return trainStep(this.models[kind].layersModel, this.optimizers[kind], x, labels, { lr: rate }); // [loss, correct]
          });
          const [loss = Number.NaN, correct = 0] = await result.data(); // the step's one read back
          result.dispose();
          const sum = sums[kind];
          sum.ms += performance.now() - started;
          sum.loss += loss * indices.length;
          sum.correct += correct;
          sum.seen += indices.length;
          await yieldToPage();
          events.onStep?.({
            kind,
            epoch,
            step: step + 1,
            stepsPerEpoch,
            loss: sum.loss / sum.seen,
            accuracy: sum.correct / sum.seen,
            batchLoss: loss,
            batchAccuracy: correct / indices.length,
          });
        }
      }
      events.onTest?.(epoch);
      for (const kind of labKinds) {
        const started = performance.now();
        const tested = await evaluate(this.models[kind].layersModel, this.test, { imageShape, stats: this.stats, batchSize: 50 });
        await yieldToPage();
        const sum = sums[kind];
        const record: LabEpoch = {
          kind,
          epoch,
          trainLoss: sum.loss / sum.seen,
          trainAccuracy: sum.correct / sum.seen,
          testLoss: tested.loss,
          testAccuracy: tested.accuracy,
          seconds: (sum.ms + performance.now() - started) / 1000,
          imagesPerSecond: sum.seen / (sum.ms / 1000),
        };
        this.history.push(record);
        events.onEpoch?.(record);
      }
      await this.measureGradients(epoch, events);
    }
    return 'done';
  }

  /** Gradient norms per block of both networks on the first training batch (no augmentation). */
  private async measureGradients(epoch: number, events: LabEvents): Promise<void> {
    const probe = makeBatch(this.train, Array.from({ length: Math.min(this.config.batch, this.train.count) }, (_, index) => index), { imageShape, stats: this.stats });
    const x = tf.tensor4d(probe.pixels, [probe.labels.length, ...imageShape]); // [N, 32, 32, 3]
    const labels = tf.tensor1d(probe.labels, 'int32');
    try {
      for (const kind of labKinds) {
        const { blocks, norms } = await blockGradientNorms(this.models[kind].layersModel, x, labels);
        await yieldToPage();
        events.onGradNorms?.({ kind, epoch, blocks, norms });
      }
    } finally {
      tf.dispose([x, labels]);
    }
  }

  /** Frees both models and their optimisers' state. */
  dispose(): void {
    this.stop();
    for (const kind of labKinds) {
      this.optimizers[kind].dispose();
      this.models[kind].dispose();
    }
  }
}
