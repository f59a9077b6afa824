import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerTrainingKernels } from '@residual/core/engine';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { runLiveExample } from '../../src/live-runner.js';
import { resolveLiveSettings } from '../../src/live-settings.js';
import { lesionSlice, localMinima } from './lesion-slice-live.js';
import { filterNormalizedDirection, lossSlice } from './loss-slice.js';
import { numbers } from './numbers.js';
import { pathShare, pathsOfLength } from './paths.js';
import { buildPieces, predictWithout } from './pieces.js';

beforeAll(async () => {
  await useCpuBackend();
  registerTrainingKernels(tf.getBackend());
});

describe('lesson 10: paths', () => {
  it('counts C(n, k) paths of each length, 2ⁿ in all', () => {
    expect([0, 1, 2, 3].map((k) => pathsOfLength(3, k))).toEqual([1, 3, 3, 1]);
    expect(pathsOfLength(54, 27)).toBe(1_946_939_425_648_112);
    expect(pathShare(54, 0, 54)).toBeCloseTo(1, 12);
    expect(() => pathsOfLength(3, 4)).toThrow('pathsOfLength: length must be an integer from 0 to 3, but got 4. Pass a number of blocks entered.');
  });
});

/** The summary's figures of the lesions and slices, after `blocks` and `steps`. */
const lesionKeys = [
  'plainAccuracy',
  'residualAccuracy',
  'plainMeanWithoutOne',
  'residualMeanWithoutOne',
  'plainWorstWithoutOne',
  'residualWorstWithoutOne',
  'plainMeanWithoutTwo',
  'residualMeanWithoutTwo',
  'plainSliceMinima',
  'residualSliceMinima',
];

describe('lesson 10: the pieces, lesions and slices', () => {
  it('leaving out no block is the whole network; leaving out a residual block with its branch off changes nothing', () => {
    const pieces = buildPieces({ blocks: 2, width: 4, size: 4, seed: 1 }, 'residual');
    try {
      const images = tf.randomNormal([3, 4, 4, 1], 0, 1, 'float32', 2) as tf.Tensor4D;
      const whole = pieces.network.predict(images) as tf.Tensor;
      const pieced = predictWithout(pieces, images);
      expect(tf.max(tf.abs(tf.sub(whole, pieced))).dataSync()[0]).toBeLessThan(1e-6);
      const block = pieces.blocks[1];
      for (const name of ['block2.bn2']) {
        const layer = block?.getLayer(name);
        layer?.setWeights(layer.getWeights().map((weight, index) => (index < 2 ? tf.zerosLike(weight) : weight))); // γ = β = 0
      }
      const withoutBranch = pieces.network.predict(images) as tf.Tensor;
      const withoutBlock = predictWithout(pieces, images, [1]);
      expect(tf.max(tf.abs(tf.sub(withoutBranch, withoutBlock))).dataSync()[0]).toBeLessThan(1e-6);
      tf.dispose([images, whole, pieced, withoutBranch, withoutBlock]);
    } finally {
      pieces.network.dispose();
    }
  });

  it('the slice passes through the trained loss at α = 0 and restores the trained weights; directions have the filters’ norms', async () => {
    const pieces = buildPieces({ blocks: 1, width: 4, size: 4, seed: 1 }, 'plain');
    try {
      const data = { x: tf.randomNormal([8, 4, 4, 1], 0, 1, 'float32', 3) as tf.Tensor4D, labels: tf.tensor1d([0, 1, 2, 3, 0, 1, 2, 3], 'int32') };
      const trainable = () => pieces.network.trainableWeights.map((weight) => Array.from(weight.read().dataSync()));
      const before = trainable();
      const [, atZero] = await lossSlice(pieces.network, data, [-1, 0, 1], 5);
      const [again] = await lossSlice(pieces.network, data, [0], 9);
      expect(atZero).toBeCloseTo(again ?? Number.NaN, 6);
      expect(trainable()).toEqual(before); // (the batch norms' running averages do move: see lossSlice)
      const kernel = tf.randomNormal([3, 3, 2, 4], 0, 1, 'float32', 4);
      const direction = filterNormalizedDirection(kernel, 6);
      const norms = (tensor: tf.Tensor) => Array.from(tf.sqrt(tf.sum(tf.square(tensor), [0, 1, 2])).dataSync());
      norms(direction).forEach((norm, index) => expect(norm).toBeCloseTo(norms(kernel)[index] ?? Number.NaN, 4));
      expect(Array.from(filterNormalizedDirection(tf.ones([4]), 6).dataSync())).toEqual([0, 0, 0, 0]);
      tf.dispose([data.x, data.labels, kernel, direction]);
    } finally {
      pieces.network.dispose();
    }
  });

  it('localMinima counts the turns from falling to rising', () => {
    expect(localMinima([3, 1, 2, 0.5, 4])).toBe(2);
    expect(localMinima([3, 2, 1, 2, 3])).toBe(1);
  });

  it('live (default settings): deleting a block barely moves the ResNet and breaks its plain twin; nothing leaks', async () => {
    const { result: run, tensors } = await runLiveExample(lesionSlice, { size: 'full' });
    expect(tensors.after).toBe(tensors.before);
    const value = (key: string): number => Number(run.summary[key]);
    expect([value('blocks'), value('steps')]).toEqual([4, 16]);
    expect(run.charts?.[1]?.series.map((series) => series.points.length)).toEqual([11, 11]);
    // what lesson 10 says of this run: both learn (chance is 0.25), the plain network more slowly
    expect(value('plainAccuracy')).toBeGreaterThan(0.6);
    expect(value('residualAccuracy')).toBeGreaterThan(0.9);
    expect(value('plainAccuracy')).toBeLessThan(value('residualAccuracy'));
    expect(value('residualMeanWithoutOne')).toBeGreaterThan(0.85);
    expect(value('plainMeanWithoutOne')).toBeLessThan(0.6);
    expect(value('plainWorstWithoutOne')).toBeLessThan(0.35); // chance is 0.25
    // what lesson 10 says of this run: deleting the first residual block costs the most, and at this
    // depth neither slice has more than its one valley
    const residualLesions = run.charts?.[0]?.series[1]?.points.slice(1).map(([, accuracy]) => accuracy) ?? [];
    expect(residualLesions[0]).toBe(Math.min(...residualLesions));
    expect([value('plainSliceMinima'), value('residualSliceMinima')]).toEqual([1, 1]);
    const values = await numbers(run);
    expect(values['why.paths.resnet110Blocks']).toBe(54);
    expect(values['why.paths.effectiveShare']).toBe(0.45);
    expect(values['why.paths.smallAfterLesion']).toBe(8);
  });

  it('small (CI) runs fewer blocks, steps and slice points, with the same summary and charts', async () => {
    expect(resolveLiveSettings(lesionSlice, 'small')).toEqual({ blocks: 2, steps: 4, lr: 0.1, noise: 0.4, slicePoints: 5, directionSeed: 7 });
    const { result, tensors } = await runLiveExample(lesionSlice, { size: 'small' });
    expect(tensors.after).toBe(tensors.before);
    expect([result.summary['blocks'], result.summary['steps']]).toEqual([2, 4]);
    expect(Object.keys(result.summary)).toEqual(['blocks', 'steps', ...lesionKeys]);
    expect(result.charts?.map((chart) => chart.series.map((series) => series.points.length))).toEqual([[3, 3], [5, 5]]);
    for (const key of lesionKeys) expect(Number.isFinite(Number(result.summary[key])), key).toBe(true);
  });

  it('the reader’s settings reach the experiment: the direction’s seed moves the slice, not the lesions', async () => {
    const settings = { blocks: '2', steps: '2', slicePoints: '3' };
    const first = (await runLiveExample(lesionSlice, { size: 'full', settings })).result;
    const other = (await runLiveExample(lesionSlice, { size: 'full', settings: { ...settings, directionSeed: '8' } })).result;
    expect(first.charts?.[0]).toEqual(other.charts?.[0]);
    expect(first.charts?.[1]?.series[0]?.points).not.toEqual(other.charts?.[1]?.series[0]?.points);
  });
});
