// The examples read and write weights by their short names with the library's layerWeight.
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { layerWeight } from '@residual/core/model';

export { layerWeight };

type Layer = ReturnType<tfl.LayersModel['getLayer']>;

/**
 * Overwrites one named weight of a layer with a copy of `value` (the other weights are untouched).
 *
 * @param layer - a TF.js layer
 * @param weight - the weight's short name, e.g. `'gamma'`
 * @param value - the new value, the weight's shape
 * @example
 * setLayerWeight(model.getLayer('block.bn2'), 'gamma', tf.zeros([64]));
 */
export function setLayerWeight(layer: Layer, weight: string, value: tf.Tensor): void {
  layerWeight(layer, weight).write(tf.clone(value));
}

/**
 * A copy of one named weight's current value (the copy stays valid when the weight changes).
 *
 * @param layer - a TF.js layer
 * @param weight - the weight's short name
 * @example
 * const gamma = readLayerWeight(model.getLayer('block.bn2'), 'gamma'); // [C]
 */
export function readLayerWeight(layer: Layer, weight: string): tf.Tensor {
  // A clone shares the variable's current data; assigning the variable later gives it new data
  // and leaves the clone's alone. (No read back to the CPU, so this is cheap on a GPU backend.)
  return tf.clone(layerWeight(layer, weight).read());
}
