import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Optimizer } from '../train/optimizer.js';
import { DataError } from '../data/data-error.js';
import type { StoredTensor } from './checkpoint-format.js';

/**
 * Reads every model weight (trainable ones and the batch-norm running statistics, in
 * `model.weights` order) and the optimiser's state, for a checkpoint.
 *
 * @param model - the TF.js model.
 * @param optimizer - its optimiser, or `undefined` to store weights only.
 * @returns the tensor descriptions and their values, in the same order.
 * @example
 * const { tensors, values } = await snapshotTensors(model.layersModel, optimizer);
 */
export async function snapshotTensors(
  model: tfl.LayersModel,
  optimizer: Optimizer | undefined,
): Promise<{ tensors: StoredTensor[]; values: Float32Array[] }> {
  const tensors: StoredTensor[] = [];
  const values: Float32Array[] = [];
  for (const weight of model.weights) {
    tensors.push({ name: weight.originalName, shape: [...weight.shape] as number[], group: 'weights' });
    values.push((await weight.read().data()) as Float32Array);
  }
  for (const [index, slot] of (optimizer?.stateTensors() ?? []).entries()) {
    tensors.push({ name: `optimizer/${index}`, shape: [...slot.shape], group: 'optimizer' });
    values.push((await slot.data()) as Float32Array);
  }
  return { tensors, values };
}

/**
 * Writes stored weights back into a freshly built model of the same architecture, by position,
 * checking every shape.
 *
 * @param model - the rebuilt TF.js model.
 * @param tensors - descriptions from the checkpoint header.
 * @param values - their values.
 * @param file - the checkpoint path, for error messages.
 * @returns the optimiser-state values that follow the weights.
 * @example
 * const state = restoreWeights(model.layersModel, header.tensors, values, 'runs/a/last.ckpt');
 */
export function restoreWeights(
  model: tfl.LayersModel,
  tensors: readonly StoredTensor[],
  values: readonly Float32Array[],
  file: string,
): tf.Tensor[] {
  const stored = tensors.flatMap((tensor, index) => (tensor.group === 'weights' ? [index] : []));
  if (stored.length !== model.weights.length) {
    throw new DataError(
      `checkpoint: ${file} must hold ${model.weights.length} weights for this model, but got ${stored.length}. ` +
        'It was written for another architecture.',
    );
  }
  model.weights.forEach((weight, position) => {
    const index = stored[position] as number; // stored.length === model.weights.length, checked above
    const tensor = tensors[index] as StoredTensor;
    if (tensor.shape.join(',') !== weight.shape.join(',')) {
      throw new DataError(
        `checkpoint: weight ${weight.originalName} must have shape [${weight.shape.join(', ')}], but ${file} stores ` +
          `[${tensor.shape.join(', ')}] for ${tensor.name}. It was written for another architecture.`,
      );
    }
    const value = tf.tensor(values[index] as Float32Array, [...tensor.shape]);
    weight.write(value); // the variable now shares the data; this handle can go
    value.dispose();
  });
  return tensors.flatMap((tensor, index) =>
    tensor.group === 'optimizer' ? [tf.tensor(values[index] as Float32Array, [...tensor.shape])] : [],
  );
}
