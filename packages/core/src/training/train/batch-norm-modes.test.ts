import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerTrainingKernels } from '../../engine/kernels/register-training-kernels.js';
import { buildModel } from '../../model/models/registry.js';
import { Optimizer, paperSgd } from './optimizer.js';
import { trainStep } from './train-step.js';

beforeAll(async () => {
  await tf.setBackend('wasm');
  registerTrainingKernels('wasm');
});

const images = (n: number, seed: number) => tf.randomNormal([n, 16, 16, 3], 0, 1, 'float32', seed) as tf.Tensor4D; // [N, H, W, C]

describe('batch normalisation: training mode in fit, inference mode in eval', () => {
  it('inference mode: an image gets the same logits alone or among others; training mode: its batch-mates change them', async () => {
    const model = buildModel('resnet20', { inputShape: [16, 16, 3], numClasses: 4, seed: 5 }).layersModel;
    const one = images(1, 1);
    const others = images(7, 2);
    const batch = tf.concat([one, others]);
    const first = (logits: tf.Tensor) => tf.slice(logits, [0, 0], [1, 4]);
    const inferAlone = await first(model.apply(one, { training: false }) as tf.Tensor).data();
    const inferBatch = await first(model.apply(batch, { training: false }) as tf.Tensor).data();
    const trainBatch = await first(model.apply(batch, { training: true }) as tf.Tensor).data();
    const trainOther = await first(model.apply(tf.concat([one, images(7, 3)]), { training: true }) as tf.Tensor).data();
    inferAlone.forEach((value, k) => expect(inferBatch[k]).toBeCloseTo(value, 4));
    const gap = Math.max(...Array.from(trainBatch, (value, k) => Math.abs(value - (trainOther[k] ?? 0))));
    expect(gap).toBeGreaterThan(1e-3);
  });

  it('a training step updates the running statistics; inference does not touch them', async () => {
    const model = buildModel('resnet20', { inputShape: [16, 16, 3], numClasses: 4, seed: 5 }).layersModel;
    const running = () => model.nonTrainableWeights.map((weight) => Array.from(weight.read().dataSync()));
    const before = running();
    expect(before.length).toBeGreaterThan(0);
    model.apply(images(8, 4), { training: false });
    expect(running()).toEqual(before);
    // The first BN's running mean moves (1 − momentum) of the way to the mean of its input batch (measured before the step changes the conv weights).
    const bn = model.layers.find((layer) => layer.getClassName() === 'ResidualBatchNormalization')!;
    const momentum = bn.getConfig()['momentum'] as number;
    const probe = tfl.model({ inputs: model.inputs, outputs: bn.input as tfl.SymbolicTensor });
    const batchMean = await tf.mean(probe.apply(images(8, 4)) as tf.Tensor, [0, 1, 2]).data();
    // A bias of 30 on class 2 makes every prediction class 2, so the step must count the two labels 2 as correct.
    const fc = model.getLayer('fc');
    const [fcKernel, fcBias] = fc.getWeights();
    fc.setWeights([fcKernel!, tf.add(fcBias!, tf.tensor1d([0, 0, 30, 0]))]);
    const optimizer = new Optimizer(paperSgd, model.trainableWeights.map((weight) => weight.read() as tf.Variable));
    const stats = trainStep(model, optimizer, images(8, 4), tf.tensor1d([0, 1, 2, 3, 0, 1, 2, 3], 'int32'), { lr: 0.1 });
    const [loss, correct] = await stats.data();
    expect(loss).toBeGreaterThan(20); // six of eight images confidently wrong
    expect(Number.isFinite(loss)).toBe(true);
    expect(correct).toBe(2);
    const movingMean = bn.weights.find((weight) => weight.name.includes('moving_mean'))!;
    const before0 = before[model.nonTrainableWeights.indexOf(movingMean)]!;
    const after0 = Array.from(await movingMean.read().data());
    after0.forEach((value, c) => expect(value).toBeCloseTo(before0[c]! + (batchMean[c]! - before0[c]!) * (1 - momentum), 4));
    expect(Math.max(...after0.map((value, c) => Math.abs(value - before0[c]!)))).toBeGreaterThan(1e-4);
    optimizer.dispose();
  });
});
