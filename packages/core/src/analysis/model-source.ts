import type * as tfl from '@tensorflow/tfjs-layers';
import type { ResNetModel } from '../models/resnet-model.js';

/** Anything the counters accept: a built {@link ResNetModel} or a TF.js `LayersModel`. */
export type CountableModel = ResNetModel | tfl.LayersModel;

/** The TF.js model behind a countable model. */
export function layersModelOf(model: CountableModel): tfl.LayersModel {
  return 'layersModel' in model ? model.layersModel : model;
}

/** The product of a shape's dimensions (the number of values; an unknown dimension counts 0). */
export function sizeOf(shape: readonly (number | null)[]): number {
  return shape.reduce<number>((product, dim) => product * (dim ?? 0), 1);
}
