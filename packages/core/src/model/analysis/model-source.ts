import type * as tfl from '@tensorflow/tfjs-layers';
import { formatShape } from '@residual/shapes';
import type { ResNetModel } from '../models/resnet-model.js';

/** Anything the counters accept: a built {@link ResNetModel} or a TF.js `LayersModel`. */
export type CountableModel = ResNetModel | tfl.LayersModel;

/** The TF.js model behind a countable model. */
export function layersModelOf(model: CountableModel): tfl.LayersModel {
  return 'layersModel' in model ? model.layersModel : model;
}

/**
 * The product of a shape's dimensions (the number of values); throws, naming `what`, when a
 * dimension is unknown.
 *
 * @param api - the counting function, for the message
 * @param what - what the shape belongs to, e.g. `'layer conv1's output'`
 */
export function sizeOf(shape: readonly (number | null)[], api: string, what: string): number {
  return shape.reduce<number>((product, dim) => {
    if (dim == null) {
      throw new Error(`${api}: ${what} must have known dimensions, but got ${formatShape(shape)}. Build the model with a fixed inputShape.`);
    }
    return product * dim;
  }, 1);
}
