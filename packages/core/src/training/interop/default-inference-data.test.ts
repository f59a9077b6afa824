import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { cifar10ClassNames } from '../data/cifar10-binary.js';
import { defaultInferenceData } from './default-inference-data.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('inference data of a file without Residual metadata', () => {
  test('ImageNet models: torchvision\'s preprocessing and class names (numbered for another class count)', async () => {
    const data = await defaultInferenceData({ name: 'resnet50', numClasses: 1000, inputShape: [224, 224, 3] });
    expect(data).toMatchObject({ imageShape: [224, 224, 3], stats: { mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] }, preprocess: 'imagenet' });
    expect(data.classNames[207]).toBe('golden retriever');
    expect((await defaultInferenceData({ name: 'resnet18', numClasses: 3, inputShape: [224, 224, 3] })).classNames).toEqual(['class 0', 'class 1', 'class 2']);
  });

  test('CIFAR models: CIFAR-10 names and the sample\'s channel statistics; other channel counts need metadata', async () => {
    const data = await defaultInferenceData({ name: 'resnet20', numClasses: 10, inputShape: [32, 32, 3] });
    expect(data.classNames).toEqual(cifar10ClassNames);
    expect(data.preprocess).toBe('exact');
    data.stats.mean.forEach((mean, channel) => expect(mean).toBeCloseTo([0.4914, 0.4822, 0.4465][channel] ?? 0, 1));
    await expect(defaultInferenceData({ name: 'resnet20', numClasses: 10, inputShape: [28, 28, 1] })).rejects.toThrow(
      'load: resnet20 with 1-channel input must come with its normalisation (residual.data metadata), but the file has none. Export it from its Residual checkpoint: residual export --checkpoint <run>.',
    );
  });
});
