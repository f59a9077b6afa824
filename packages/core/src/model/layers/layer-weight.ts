import type * as tfl from '@tensorflow/tfjs-layers';

/**
 * A tfjs-layers layer's weight by its own name (`'kernel'`, `'gamma'`, `'moving_mean'`, …), or
 * `undefined` when the layer has none of that name (a BatchNormalization built with `scale: false`
 * has no `gamma`).
 *
 * @param layer - a built layer.
 * @param name - the weight's name without the layer prefix.
 * @returns the variable, or `undefined`.
 * @example
 * ```ts
 * const gamma = findLayerWeight(model.getLayer('layer1.0.bn1'), 'gamma')?.read(); // [C]
 * ```
 */
export function findLayerWeight(layer: tfl.layers.Layer, name: string): tfl.LayerVariable | undefined {
  return layer.weights.find((each) => each.originalName.endsWith(`/${name}`) || each.originalName === name);
}

/**
 * A tfjs-layers layer's weight by its own name; throws, naming the layer's weights, when it has none.
 *
 * @param layer - a built layer, e.g. `model.getLayer('layer1.0.bn2')`.
 * @param name - the weight's name without the layer prefix: `'kernel'`, `'gamma'`, `'moving_mean'`, …
 * @param api - the caller's name, for the message (default `'layerWeight'`).
 * @returns the variable (`read()` it, or `write()` a tensor of its shape).
 * @example
 * ```ts
 * layerWeight(model.getLayer('layer1.0.bn2'), 'gamma').read(); // [C]
 * ```
 */
export function layerWeight(layer: tfl.layers.Layer, name: string, api = 'layerWeight'): tfl.LayerVariable {
  const weight = findLayerWeight(layer, name);
  if (weight === undefined) {
    const names = layer.weights.map((each) => each.originalName).join(', ') || 'none';
    throw new Error(`${api}: weight must be one of ${layer.name}'s weights (${names}), but got "${name}". Pass the short name after the slash, e.g. 'gamma'.`);
  }
  return weight;
}
