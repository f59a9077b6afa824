import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../model/models/registry.js';
import { classify } from './classify.js';
import { evaluate } from './evaluate.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const stats = { mean: [0.5, 0.5, 0.5], std: [0.25, 0.25, 0.25] };

describe('a batch of no images', () => {
  it('predict answers [0, K] and classify no guesses, instead of "Pass at least one tensor to concat"', async () => {
    const model = buildModel('resnet20', { seed: 1 });
    const logits = model.predict(tf.zeros([0, 32, 32, 3]));
    expect(logits.shape).toEqual([0, 10]);
    logits.dispose();
    const classNames = Array.from({ length: 10 }, (_, i) => `c${i}`);
    expect(await classify(model.layersModel, new Uint8Array(0), { imageShape: [32, 32, 3], stats, classNames, top: 1 })).toEqual([]);
    await expect(classify(model.layersModel, new Uint8Array(100), { imageShape: [32, 32, 3], stats, classNames, top: 1 })).rejects.toThrow(
      'classify: images must hold whole images of 32×32×3 (3,072 bytes each), but got 100 bytes. Pass [count, H, W, C] bytes in the model\'s input shape.',
    );
    model.dispose();
  });

  it('evaluate refuses a split of 0 images: an accuracy over nothing is no 0 %', async () => {
    const model = buildModel('resnet20', { seed: 1 });
    await expect(evaluate(model.layersModel, { images: new Uint8Array(0), labels: new Uint8Array(0), count: 0 }, { imageShape: [32, 32, 3], stats, batchSize: 8 })).rejects.toThrow(
      'evaluate: the split must hold at least one image, but got 0. An accuracy over no images means nothing: evaluate on a split with images.',
    );
    model.dispose();
  });
});
