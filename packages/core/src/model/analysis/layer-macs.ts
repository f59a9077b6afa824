import type * as tfl from '@tensorflow/tfjs-layers';
import { formatShape } from '@residual/shapes';
import { layerWeight } from '../layers/layer-weight.js';
import { sizeOf } from './model-source.js';

function singleShape(shape: tfl.Shape | tfl.Shape[]): (number | null)[] {
  return (Array.isArray(shape[0]) ? shape[0] : shape) as (number | null)[];
}

/**
 * Multiply-accumulates of one layer for one image: a conv does H′·W′·K_h·K_w·C_in·C_out,
 * a dense layer C_in·C_out; other layers count 0 (the convention of torchvision's figures).
 */
export function layerMacs(layer: tfl.layers.Layer): number {
  const className = layer.getClassName();
  if (className !== 'Conv2D' && className !== 'Dense') return 0;
  const kernel = layerWeight(layer, 'kernel', 'countMacs');
  const outShape = singleShape(layer.outputShape);
  const spatial = outShape.slice(1, -1); // [H′, W′] ([] for dense)
  if (spatial.some((dim) => dim == null)) {
    throw new Error(`countMacs: layer ${layer.name}'s output must have a known size, but got ${formatShape(outShape)}. Build the model with a fixed inputShape.`);
  }
  const positions = sizeOf(spatial, 'countMacs', `layer ${layer.name}'s output`); // H′·W′ (1 for dense)
  return positions * sizeOf(kernel.shape, 'countMacs', `layer ${layer.name}'s kernel`);
}
