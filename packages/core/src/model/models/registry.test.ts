import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildModel, modelNames } from './registry.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('buildModel', () => {
  test('lists every family in a stable order', () => {
    expect(modelNames.slice(0, 5)).toEqual(['resnet18', 'resnet34', 'resnet50', 'resnet101', 'resnet152']);
    for (const name of ['resnet20', 'resnet32', 'resnet44', 'resnet56', 'resnet110', 'resnet20a', 'resnet32a', 'resnet44a', 'resnet56a', 'resnet110a', 'preactResnet20', 'preactResnet56', 'preactResnet110', 'cifarResnet18', 'plain18', 'plain34', 'plain20', 'plain56', 'plain110', 'cifarPlain18']) {
      expect(modelNames).toContain(name);
    }
  });

  test('an unknown name lists the names and suggests the closest', () => {
    expect(() => buildModel('resnet19')).toThrow(`buildModel: model must be one of ${modelNames.join(', ')}, but got "resnet19". Did you mean "resnet18"?`);
  });

  test('config is plain JSON that rebuilds the same weights', () => {
    const model = buildModel('resnet20', { seed: 5, numClasses: 4, inputShape: [16, 16, 3] });
    const config = JSON.parse(JSON.stringify(model.config)) as typeof model.config;
    expect(config).toEqual({ name: 'resnet20', numClasses: 4, inputShape: [16, 16, 3], seed: 5 });
    const again = buildModel(config.name, config);
    const x = tf.randomNormal([2, 16, 16, 3], 0, 1, 'float32', 1);
    const [a, b] = [model.predict(x), again.predict(x)];
    expect(a.shape).toEqual([2, 4]);
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
    const other = buildModel('resnet20', { seed: 6, numClasses: 4, inputShape: [16, 16, 3] });
    expect(Array.from(other.predict(x).dataSync())).not.toEqual(Array.from(a.dataSync()));
    tf.dispose([x, a, b]);
    for (const built of [model, again, other]) built.dispose();
  });

  test('predict checks the input shape first', () => {
    const model = buildModel('resnet20', { seed: 1 });
    expect(() => model.predict(tf.zeros([8, 28, 28, 1]))).toThrow(
      'resnet20.predict: input must be [N, 32, 32, 3], but got [8, 28, 28, 1]. Pass a batch of 32×32 images with 3 channels (NHWC) or build the model with inputShape: [28, 28, 1].',
    );
    model.dispose();
  });

  test('rejects bad options with the rule and the value', () => {
    expect(() => buildModel('resnet20', { numClasses: 0 })).toThrow('resnet20: numClasses must be a positive integer, but got 0. Pass e.g. 10.');
    expect(() => buildModel('resnet20', { inputShape: [32, 32] as unknown as [number, number, number] })).toThrow(
      'resnet20: inputShape must be [H, W, C] of positive integers, but got [32, 32]. Pass e.g. [32, 32, 3].',
    );
  });
});
