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
 * @param api - the calling function's name, for the message.
 * @param layer - a built layer.
 * @param name - the weight's name without the layer prefix.
 * @returns the variable.
 * @example
 * ```ts
 * const mean = layerWeight('batchNorm', layer, 'moving_mean').read(); // [C]
 * ```
 */
export function layerWeight(api: string, layer: tfl.layers.Layer, name: string): tfl.LayerVariable {
  const weight = findLayerWeight(layer, name);
  if (weight === undefined) {
    const names = layer.weights.map((each) => each.originalName).join(', ') || 'no weights';
    throw new Error(`${api}: layer ${layer.name} must have a '${name}' weight, but got ${names}. This is a bug in @residual/core.`);
  }
  return weight;
}
