// Loaded on the first Run or Train: TF.js, @residual/core and a backend. Builds the reader's program
// into a model, summarises it, and trains it a few steps on the real CIFAR-10 sample.
import * as core from '@residual/core';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { programModules } from './program-modules.js';
import { modelOf, runProgram } from './run-program.js';
import { cachedBytes } from '../../scripts/cached-bytes.js';

let chosen: Promise<string> | undefined;

/**
 * Chooses the TF.js backend once (webgpu → webgl → wasm → cpu; `?backend=wasm` forces one, as the
 * live examples do), its wasm files served by the site.
 *
 * @param wasmPaths - where the site serves the `.wasm` files.
 * @example
 * await backend('/tfjs-wasm/'); // 'webgl'
 */
export function backend(wasmPaths: string): Promise<string> {
  const forced = new URLSearchParams(location.search).get('backend');
  const order = core.browserBackendOrder.filter((name) => forced === null || name === forced);
  chosen ??= core.selectBrowserBackend({ order: order.length > 0 ? order : [...core.browserBackendOrder], wasmPaths, wasmThreads: navigator.hardwareConcurrency || 1 }).then((choice) => choice.name);
  return chosen;
}

/** A built program: its model, the summary table (layers, shapes, params, MACs) and the parameter count. */
export interface BuiltProgram {
  model: tfl.LayersModel;
  summary: string;
  params: number;
}

/**
 * Runs the transpiled program and builds the model it exports.
 *
 * @param js - the program as CommonJS.
 * @returns the model, its summary and parameter count; `undefined` when it exports none.
 * @example
 * const built = await build(js); built?.params; // 272474 for ResNet-20
 */
export async function build(js: string): Promise<BuiltProgram | undefined> {
  const exports = runProgram(js, programModules());
  const found = modelOf(exports, core, tfl);
  if (found === undefined) return undefined;
  return { model: found.model, summary: core.summary(found.model), params: core.countParams(found.model).total };
}

const shapeText = (shape: ReadonlyArray<number | null>) => `[${shape.map((size) => size ?? 'N').join(', ')}]`;

/** Why a model cannot train on CIFAR-10 (its input and output shapes), or `undefined` when it can. */
export function trainProblem(model: tfl.LayersModel): { input: string; output: string } | undefined {
  const input = model.inputs[0]?.shape ?? [];
  const output = model.outputs[0]?.shape ?? [];
  const fits = model.inputs.length === 1 && shapeText(input) === '[N, 32, 32, 3]' && shapeText(output) === '[N, 10]';
  return fits ? undefined : { input: shapeText(input), output: shapeText(output) };
}

let sample: Promise<Uint8Array> | undefined;

/**
 * The CIFAR-10 training sample (`@residual/cifar10-sample`'s `data_batch_1.bin`, 2,000 images),
 * fetched once from the site, from the same URL and cache as the lab's.
 *
 * @param url - where the site serves it.
 * @example
 * core.decodeCifar10Batch(await cifarSample(url), 'data_batch_1.bin').labels.length; // 2000
 */
export function cifarSample(url: string): Promise<Uint8Array> {
  sample ??= cachedBytes(url, () => {}).then(({ bytes }) => bytes);
  return sample;
}

/** One training step's numbers, formatted for the page. */
export interface StepReport extends Record<string, string | number> {
  step: number;
  total: number;
  loss: string;
  accuracy: string;
}

/**
 * Trains the model a few steps with the library's own training step (SGD with momentum, the loss on
 * logits) on batches of the real CIFAR-10 sample, normalised by its channel statistics.
 *
 * @param model - a model from `[N, 32, 32, 3]` to `[N, 10]`.
 * @param bytes - the CIFAR-10 binary batch.
 * @param onStep - called after each step.
 * @example
 * await train(model, bytes, (step) => console.log(step.loss));
 */
export async function train(
  model: tfl.LayersModel,
  bytes: Uint8Array,
  onStep: (step: StepReport) => void,
  options = { steps: 5, batch: 32, lr: 0.05 },
): Promise<Record<string, string | number>> {
  const started = performance.now();
  const split = core.decodeCifar10Batch(bytes, 'data_batch_1.bin');
  const stats = core.channelStats(split, 3);
  const variables = model.trainableWeights.map((weight) => weight.read() as tf.Variable);
  let optimizer: core.Optimizer | undefined;
  tf.tidy(() => {
    optimizer = new core.Optimizer(core.paperSgd, variables);
  });
  if (optimizer === undefined) throw new Error('playground: the optimizer must be built, but it was not.');
  try {
    for (let step = 0; step < options.steps; step += 1) {
      const indices = Array.from({ length: options.batch }, (_, index) => step * options.batch + index);
      const { pixels, labels } = core.makeBatch(split, indices, { imageShape: [32, 32, 3], stats });
      const numbers = tf.tidy(() => {
        const x = tf.tensor4d(pixels, [options.batch, 32, 32, 3]); // [N, H, W, C]
        const y = tf.tensor1d(labels, 'int32'); //                    [N]
        return core.trainStep(model, optimizer as core.Optimizer, x, y, { lr: options.lr }); // [loss, correct]
      });
      const [loss = Number.NaN, correct = Number.NaN] = await numbers.data();
      numbers.dispose();
      onStep({ step: step + 1, total: options.steps, loss: loss.toFixed(3), accuracy: `${correct}/${options.batch}` });
    }
  } finally {
    optimizer.dispose();
  }
  return { steps: options.steps, images: options.steps * options.batch, batch: options.batch, lr: options.lr, seconds: ((performance.now() - started) / 1000).toFixed(1) };
}
