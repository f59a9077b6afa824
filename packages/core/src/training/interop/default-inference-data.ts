import { channelStats } from '../data/channel-stats.js';
import { cifar10ClassNames } from '../data/cifar10-binary.js';
import { DataError } from '../data/data-error.js';
import { loadDataset } from '../data/load-dataset.js';
import type { ResNetConfig } from '../../model/models/resnet-model.js';
import { isModelName } from '../../model/models/registry.js';
import { resnetSpecs } from '../../model/models/resnet.js';
import { imagenetMeta } from './imagenet-meta.js';
import type { InferenceData } from './residual-metadata.js';

const numbered = (count: number) => Array.from({ length: count }, (_, index) => `class ${index}`);

/**
 * The inference data of a model whose file does not say how it was trained (a fresh export, or
 * weights from PyTorch without Residual's metadata), by family: an ImageNet-stem model gets
 * torchvision's ImageNet preprocessing (resize 256, centre crop 224, ImageNet mean and std) and,
 * with 1,000 classes, the ImageNet class names; a CIFAR-stem model gets the CIFAR-10 class names
 * (with 10 classes) and the channel statistics of the CIFAR-10 sample that ships with Residual.
 *
 * @param config - the model's config.
 * @returns class names, input shape, normalisation and preprocessing.
 * @throws DataError for a CIFAR-stem model whose input does not have 3 channels.
 * @example
 * const data = await defaultInferenceData(buildModel('resnet18').config); // data.classNames[207] === 'golden retriever'
 */
export async function defaultInferenceData(config: ResNetConfig): Promise<InferenceData> {
  const imageShape = config.inputShape;
  if (isModelName(config.name) && resnetSpecs[config.name].stem === 'imagenet') {
    return {
      classNames: config.numClasses === imagenetMeta.classNames.length ? imagenetMeta.classNames : numbered(config.numClasses),
      imageShape,
      stats: { mean: imagenetMeta.mean, std: imagenetMeta.std },
      preprocess: 'imagenet',
    };
  }
  if (imageShape[2] !== 3) {
    throw new DataError(
      `load: ${config.name} with ${imageShape[2]}-channel input must come with its normalisation (residual.data metadata), but the file has none. ` +
        'Export it from its Residual checkpoint: residual export --checkpoint <run>.',
    );
  }
  const sample = await loadDataset('cifar10-sample');
  return {
    classNames: config.numClasses === cifar10ClassNames.length ? cifar10ClassNames : numbered(config.numClasses),
    imageShape,
    stats: channelStats(sample.train, 3),
    preprocess: 'exact',
  };
}
