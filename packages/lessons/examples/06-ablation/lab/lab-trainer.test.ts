import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { cifar10SampleDir } from '@residual/cifar10-sample';
import { makeBatch, type ImageDataset } from '@residual/core/training';
import { readCifar10, selectNodeBackend } from '@residual/core/node';
import { featureMaps } from './lab-inside.js';
import { blockNames, stageOutputs } from './lab-models.js';
import { labConfig } from './lab-settings.js';
import { LabTrainer, type LabEpoch, type LabGradNorms, type LabStep } from './lab-trainer.js';

let data: ImageDataset;
beforeAll(async () => {
  await selectNodeBackend({ backend: 'wasm' }); // as the site's fallback; cpu would take minutes
  data = await readCifar10(cifar10SampleDir); // the real sample the site serves
});

describe('the lab settings', () => {
  it('default to ResNet-20 against plain-20 on 500 training images; the small size is one short epoch', () => {
    expect(labConfig('full')).toEqual({ depth: 20, trainImages: 500, testImages: 250, epochs: 6, batch: 32, lr: 0.05, augment: false, seed: 1 });
    expect(labConfig('small')).toMatchObject({ depth: 20, trainImages: 60, testImages: 50, epochs: 1 });
    expect(labConfig('full', { depth: '56', augment: 'true' })).toMatchObject({ depth: 56, augment: true });
    expect(() => labConfig('full', { depth: '18' })).toThrow('live settings: depth must be one of 20, 32, 44, 56, but got "18".');
  });
});

describe('the lab on real CIFAR-10 images (wasm)', () => {
  it('trains both networks side by side on the same batches, tests them, measures gradients, and frees everything', async () => {
    const before = tf.memory().numTensors;
    const config = { ...labConfig('small'), trainImages: 10, testImages: 10, batch: 5 };
    const lab = new LabTrainer(data, config);
    const steps: LabStep[] = [];
    const epochs: LabEpoch[] = [];
    const norms: LabGradNorms[] = [];
    const outcome = await lab.run({ onStep: (step) => steps.push(step), onEpoch: (epoch) => epochs.push(epoch), onGradNorms: (measured) => norms.push(measured) });
    expect(outcome).toBe('done');
    expect(steps.map((step) => `${step.kind}:${step.step}/${step.stepsPerEpoch}`)).toEqual(['residual:1/2', 'plain:1/2', 'residual:2/2', 'plain:2/2']);
    expect(epochs.map((epoch) => epoch.kind)).toEqual(['residual', 'plain']);
    for (const epoch of epochs) {
      expect(epoch.trainLoss).toBeGreaterThan(1); // ten classes, one epoch: near ln 10 ≈ 2.3
      expect(epoch.testAccuracy).toBeGreaterThanOrEqual(0);
      expect(epoch.testAccuracy).toBeLessThanOrEqual(1);
      expect(epoch.imagesPerSecond).toBeGreaterThan(0);
    }
    expect(lab.history).toEqual(epochs);
    // before training and after the epoch, for both: 9 blocks of ResNet-20
    expect(norms.map((measured) => `${measured.kind}@${measured.epoch}`)).toEqual(['residual@0', 'plain@0', 'residual@1', 'plain@1']);
    for (const measured of norms) {
      expect(measured.blocks).toHaveLength(9);
      expect(measured.norms.every((norm) => norm > 0 && Number.isFinite(norm))).toBe(true);
    }
    lab.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('measuring gradients does not move the running statistics, and the networks start from the same weights', async () => {
    const lab = new LabTrainer(data, { ...labConfig('small'), trainImages: 5, testImages: 5, batch: 5, epochs: 0 });
    const running = () => lab.models.plain.layersModel.weights.filter((weight) => weight.originalName.endsWith('moving_mean')).map((weight) => Array.from(weight.read().dataSync()));
    const before = running();
    await lab.run();
    expect(running()).toEqual(before);
    const first = (kind: 'plain' | 'residual') => Array.from(lab.models[kind].layersModel.getLayer('conv1').getWeights()[0]?.dataSync() ?? []);
    expect(first('plain')).toEqual(first('residual'));
    lab.dispose();
  });

  it('pauses between steps, resumes, and stops keeping what was measured', async () => {
    const lab = new LabTrainer(data, { ...labConfig('small'), trainImages: 20, testImages: 5, batch: 5, epochs: 2 });
    let seen = 0;
    const reached = new Map<number, () => void>();
    const at = (count: number) => new Promise<void>((done) => reached.set(count, done));
    const [two, four] = [at(2), at(4)];
    const run = lab.run({
      onStep: () => {
        seen += 1;
        if (seen === 2 || seen === 4) lab.pause();
        reached.get(seen)?.();
      },
    });
    const settle = () => new Promise((done) => setTimeout(done, 300));
    await two;
    await settle();
    expect(lab.paused).toBe(true);
    expect(seen).toBe(2); // both networks' first step, then it waits
    lab.resume();
    await four;
    await settle();
    expect(seen).toBe(4);
    lab.stop();
    await expect(run).resolves.toBe('stopped');
    expect(lab.history).toEqual([]);
    lab.dispose();
  });

  it('looks inside: block names, stage outputs and their feature maps', async () => {
    const lab = new LabTrainer(data, { ...labConfig('small'), trainImages: 5, testImages: 5, batch: 5, epochs: 0 });
    const model = lab.models.residual.layersModel;
    expect(blockNames(model)).toEqual(['layer1.0', 'layer1.1', 'layer1.2', 'layer2.0', 'layer2.1', 'layer2.2', 'layer3.0', 'layer3.1', 'layer3.2']);
    expect(stageOutputs(model)).toEqual(['relu', 'layer1.2.relu', 'layer2.2.relu', 'layer3.2.relu']);
    const image = makeBatch(lab.test, [0], { imageShape: [32, 32, 3], stats: lab.stats });
    const x = tf.tensor4d(image.pixels, [1, 32, 32, 3]);
    const stages = await featureMaps(model, x, 4);
    x.dispose();
    expect(stages.map((stage) => [stage.layer, stage.height, stage.channels, stage.maps.length])).toEqual([
      ['relu', 32, 16, 4],
      ['layer1.2.relu', 32, 16, 4],
      ['layer2.2.relu', 16, 32, 4],
      ['layer3.2.relu', 8, 64, 4],
    ]);
    for (const stage of stages) for (const map of stage.maps) expect(map).toHaveLength(stage.height * stage.width);
    lab.dispose();
  });
});
