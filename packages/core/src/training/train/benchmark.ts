import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { wasmHeapBytes } from '../../engine/backend/wasm-heap-bytes.js';
import { inferenceModel } from '../../engine/inference/inference-model.js';
import { kernelTimes, type KernelTime } from './kernel-times.js';
import { Optimizer, paperSgd } from './optimizer.js';
import { Rng } from './rng.js';
import { trainStep } from './train-step.js';

/** What {@link benchmark} measures. */
export interface BenchmarkOptions {
  readonly mode: 'train' | 'infer';
  readonly batchSize: number;
  /** Timed steps. */
  readonly steps: number;
  /** Untimed steps first (kernel compilation, operator caches); default 2. */
  readonly warmup?: number;
  readonly seed?: number;
  /**
   * How inference runs: `'folded'` (default) through {@link inferenceModel}, each convolution with
   * its batch norm and ReLU as one kernel, as `evaluate` and `classify` run it; `'layers'` through
   * the TF.js layers as built (`model.apply`), one kernel per layer. Training ignores it.
   */
  readonly inference?: 'folded' | 'layers';
}

/** Timings of one benchmark. */
export interface BenchmarkResult {
  readonly mode: 'train' | 'infer';
  readonly backend: string;
  /** how inference ran (`null` in training mode) */
  readonly inference: 'folded' | 'layers' | null;
  readonly batchSize: number;
  readonly steps: number;
  readonly msPerStep: number;
  readonly imagesPerSecond: number;
  /**
   * Process CPU time per step (Node only; `null` elsewhere). For the single-threaded wasm and cpu
   * backends it is what the wall time would be on an idle machine, so it stays comparable when
   * other work shares the cores.
   */
  readonly cpuMsPerStep: number | null;
  /**
   * Most tensor memory alive at once during one profiled step, as TF.js counts it
   * (`tf.profile().peakBytes`: a buffer once per tensor that shares it, so more than is held).
   */
  readonly peakBytes: number;
  /**
   * wasm only (`null` elsewhere): the wasm backend's memory after the run, its high-water mark
   * ({@link wasmHeapBytes}): what the steps really held at most, weights and scratch included.
   */
  readonly heapBytes: number | null;
  /** Tensor memory held after the run (`tf.memory().numBytes`). */
  readonly bytesAfter: number;
  /**
   * Where one profiled step spent its time, by kernel, slowest first: GPU timestamps on webgpu
   * (when the adapter offers `timestamp-query`), each kernel's wall time on cpu and wasm; `null`
   * when the backend timed nothing. Profiling slows that step down; `msPerStep` does not include it.
   */
  readonly kernels: KernelTime[] | null;
}

/**
 * Times training steps (forward, backward, SGD update; BN in training mode) or inference steps of a
 * model on random data, on the active backend (inference as `evaluate` runs it, batch norms folded,
 * unless `inference: 'layers'`). Each step reads back one scalar — enough to wait
 * for the step to finish without copying whole tensors — and one extra profiled step measures peak
 * memory and the time of each kernel.
 *
 * @param model - the TF.js model; training changes its weights.
 * @param options - mode, batch size, steps.
 * @returns ms per step, images per second and memory.
 * @example
 * const result = await benchmark(buildModel('resnet20').layersModel, { mode: 'train', batchSize: 32, steps: 10 });
 */
export async function benchmark(model: tfl.LayersModel, options: BenchmarkOptions): Promise<BenchmarkResult> {
  const [height, width, channels] = (model.inputs[0]?.shape.slice(1) ?? []) as (number | null)[];
  const classes = model.outputs[0]?.shape[1];
  if (typeof height !== 'number' || typeof width !== 'number' || typeof channels !== 'number' || typeof classes !== 'number') {
    throw new Error(
      `benchmark: the model must take [N, H, W, C] images of a fixed size and give [N, K] scores, but got input ${JSON.stringify(model.inputs[0]?.shape)} ` +
        `and output ${JSON.stringify(model.outputs[0]?.shape)}. Build the model with an inputShape.`,
    );
  }
  const rng = Rng.fromSeed(options.seed ?? 1);
  const x = tf.randomNormal([options.batchSize, height, width, channels], 0, 1, 'float32', rng.seed()) as tf.Tensor4D; // [N, H, W, C]
  const labels = tf.tensor1d(Array.from({ length: options.batchSize }, () => rng.int(classes)), 'int32');
  const inference = options.mode === 'infer' ? (options.inference ?? 'folded') : null;
  const folded = inference === 'folded' ? inferenceModel(model) : undefined;
  const optimizer =
    options.mode === 'train'
      ? new Optimizer(paperSgd, model.trainableWeights.map((weight) => weight.read() as tf.Variable))
      : undefined;
  const infer = (): tf.Tensor => (folded === undefined ? (model.apply(x, { training: false }) as tf.Tensor) : folded.predict(x)); // [N, K]
  const step = async () => {
    const out = tf.tidy(() =>
      optimizer === undefined ? tf.slice(infer(), [0, 0], [1, 1]) : trainStep(model, optimizer, x, labels, { lr: 0.01 }),
    );
    await out.data(); // one scalar (or two) read back: the step is done
    out.dispose();
  };
  for (let i = 0; i < (options.warmup ?? 2); i++) await step();
  const cpuUsage = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process?.cpuUsage;
  const cpuBefore = cpuUsage?.();
  const started = performance.now();
  for (let i = 0; i < options.steps; i++) await step();
  const msPerStep = (performance.now() - started) / options.steps;
  const cpuAfter = cpuUsage?.();
  const cpuMsPerStep =
    cpuBefore === undefined || cpuAfter === undefined
      ? null
      : (cpuAfter.user + cpuAfter.system - cpuBefore.user - cpuBefore.system) / 1000 / options.steps;
  let profiled!: Promise<void>;
  const info = await tf.profile(() => {
    profiled = step();
  });
  await profiled;
  x.dispose();
  labels.dispose();
  optimizer?.dispose();
  folded?.dispose();
  return {
    mode: options.mode,
    backend: tf.getBackend(),
    inference,
    batchSize: options.batchSize,
    steps: options.steps,
    msPerStep,
    imagesPerSecond: (options.batchSize * 1000) / msPerStep,
    cpuMsPerStep,
    peakBytes: info.peakBytes,
    heapBytes: wasmHeapBytes(),
    bytesAfter: tf.memory().numBytes,
    kernels: kernelTimes(info.kernels),
  };
}
