import * as tf from '@tensorflow/tfjs-core';
// tfjs-layers registers its layer classes when it loads; this module reads that registry.
import '@tensorflow/tfjs-layers';

/**
 * One of tfjs-layers' own layer classes, by class name. The package exports only factories
 * (`tfl.layers.reLU()`); the classes are in TF.js's serialization registry, where tfjs-layers
 * registered them, and Residual's layers extend them from there.
 *
 * @param className - the Keras class name, e.g. `'BatchNormalization'`, `'ReLU'`, `'Add'`
 * @param api - who asks, for the error message
 * @returns the class, typed by the caller
 * @example
 * class ResidualReLU extends stockLayerClass<ReLUClass>('ReLU', 'relu') {}
 */
export function stockLayerClass<LayerClass>(className: string, api: string): LayerClass {
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[className];
  if (entry === undefined) {
    throw new Error(`${api}: TF.js's serialization registry must hold tfjs-layers' '${className}', but it has none. Import @tensorflow/tfjs-layers first.`);
  }
  return entry[0] as unknown as LayerClass;
}
