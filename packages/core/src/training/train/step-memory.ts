import { totalmem } from 'node:os';
import type * as tfl from '@tensorflow/tfjs-layers';
import { DataError } from '../data/data-error.js';
import { formatBytes } from './format-bytes.js';

/** The memory a backend can give one step's tensors, where it is known: wasm's heap, or the machine's memory for cpu. */
export function backendMemoryLimit(backend: string): number | null {
  if (backend === 'wasm') return 2 ** 32; // a 32-bit WebAssembly heap: 4 GiB at most
  if (backend === 'cpu') return totalmem();
  return null; // GPU memory is not known here
}

/** Floats in one image's layer outputs: all of them (kept for the backward pass) and the largest. */
function activations(model: tfl.LayersModel): { sum: number; largest: number } {
  let sum = 0;
  let largest = 0;
  for (const layer of model.layers) {
    const shape = (Array.isArray(layer.outputShape[0]) ? layer.outputShape[0] : layer.outputShape) as (number | null)[];
    const size = shape.slice(1).reduce((product: number, dim) => {
      if (dim === null) throw new Error(`stepMemory: every layer must have a fixed output shape, but ${layer.name} has [${shape.join(', ')}]. Build the model with an inputShape.`);
      return product * dim;
    }, 1);
    sum += size;
    largest = Math.max(largest, size);
  }
  return { sum, largest };
}

/**
 * A lower bound of the memory one step needs for a batch: in training every layer's output is alive
 * at the end of the forward pass (tfjs-layers frees them when the model's call returns, and the
 * backward pass keeps those it needs), and the backward pass adds gradients the size of the largest
 * (1 × the forward activations + 2 × the largest output, float32); in inference a few of the largest
 * outputs are alive at once (3 × the largest). The real figure is higher (a ResNet-20 training step
 * at batch 128 on wasm grows the heap to 523 MB, weights and optimiser state included; this bound
 * says 0.38 GB): it is meant to refuse what cannot fit, not to promise that the rest fits.
 *
 * @param model - the TF.js model.
 * @param batch - images per step.
 * @param mode - `train` or `infer`.
 * @returns bytes.
 * @example
 * stepMemory(buildModel('resnet20').layersModel, 128, 'train'); // ≈ 3.8e8
 */
export function stepMemory(model: tfl.LayersModel, batch: number, mode: 'train' | 'infer'): number {
  const { sum, largest } = activations(model);
  return batch * 4 * (mode === 'train' ? sum + 2 * largest : 3 * largest);
}

/**
 * The largest power-of-two batch whose {@link stepMemory} fits in `limit` bytes (at least 1).
 *
 * @param model - the TF.js model.
 * @param limit - bytes available.
 * @param mode - `train` or `infer`.
 * @returns the batch size to suggest.
 * @example
 * largestBatch(model, 2 ** 32, 'train'); // 1024 for resnet20
 */
export function largestBatch(model: tfl.LayersModel, limit: number, mode: 'train' | 'infer'): number {
  let batch = 1;
  while (batch < 2 ** 30 && stepMemory(model, batch * 2, mode) <= limit) batch *= 2;
  return batch;
}

/**
 * Refuses a batch whose step cannot fit in the backend's memory (see {@link stepMemory}), before
 * anything runs — instead of the backend's own "Invalid typed array length" or "out of memory".
 *
 * @param model - the TF.js model.
 * @param options - the backend, the mode, the `--batch-size` asked for and the images there are.
 * @throws DataError naming the memory needed and the largest batch to try.
 * @example
 * assertStepFits(model.layersModel, { backend: 'wasm', mode: 'train', batchSize: 128, images: 50_000 });
 */
export function assertStepFits(
  model: tfl.LayersModel,
  options: { readonly backend: string; readonly mode: 'train' | 'infer'; readonly batchSize: number; readonly images: number; readonly command: string },
): void {
  const limit = backendMemoryLimit(options.backend);
  const batch = Math.min(options.batchSize, options.images);
  if (limit === null || batch === 0) return;
  const needed = stepMemory(model, batch, options.mode);
  if (needed <= limit) return;
  const capped = batch < options.batchSize ? `, capped by the ${options.images.toLocaleString('en-US')} images` : '';
  throw new DataError(
    `${options.command}: --batch-size must let a${options.mode === 'train' ? ' training' : 'n inference'} step fit in the ${options.backend} backend's memory ` +
      `(${formatBytes(limit)}), but a step of ${batch.toLocaleString('en-US')} images (--batch-size ${options.batchSize}${capped}) needs at least ` +
      `${formatBytes(needed)}. Use --batch-size ${largestBatch(model, limit, options.mode)} or less.`,
  );
}
