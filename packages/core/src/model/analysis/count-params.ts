import { layersModelOf, sizeOf, type CountableModel } from './model-source.js';

/** Parameter counts of a model. */
export interface ParamCounts {
  /** weights that gradients update: conv kernels, BN γ and β, dense kernel and bias */
  trainable: number;
  /** weights that training updates without gradients: BN running mean and variance */
  nonTrainable: number;
  /** trainable + nonTrainable: every number a checkpoint stores */
  total: number;
}

/**
 * Counts a model's parameters. `trainable` is what papers and torchvision report (ResNet-18:
 * 11,689,512); BN's running mean and variance are weights too, but not trainable.
 *
 * @param model - a built model or a TF.js `LayersModel`
 * @example
 * ```ts
 * countParams(resnet20()); // { trainable: 272474, nonTrainable: 1568, total: 274042 }
 * ```
 */
export function countParams(model: CountableModel): ParamCounts {
  const layersModel = layersModelOf(model);
  const trainable = layersModel.trainableWeights.reduce((sum, weight) => sum + sizeOf(weight.shape, 'countParams', `weight ${weight.name}`), 0);
  const nonTrainable = layersModel.nonTrainableWeights.reduce((sum, weight) => sum + sizeOf(weight.shape, 'countParams', `weight ${weight.name}`), 0);
  return { trainable, nonTrainable, total: trainable + nonTrainable };
}
