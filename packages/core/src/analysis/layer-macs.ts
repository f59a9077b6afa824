import type * as tfl from '@tensorflow/tfjs-layers';
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
  const kernel = layer.weights[0];
  if (kernel === undefined) return 0;
  const outShape = singleShape(layer.outputShape);
  const positions = sizeOf(outShape.slice(1, -1).map((dim) => dim ?? 0)); // H′·W′ (1 for dense)
  return positions * sizeOf(kernel.shape);
}
