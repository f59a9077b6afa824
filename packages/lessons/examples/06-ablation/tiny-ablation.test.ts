import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { numbers } from './numbers.js';
import { paperTestError } from './paper-figures.js';
import { runLiveExample } from '../../src/live-runner.js';
import { resolveLiveSettings } from '../../src/live-settings.js';
import { ablationConfig, ablationTiny, buildNet } from './tiny-ablation.js';

const defaults = ablationConfig(resolveLiveSettings(ablationTiny, 'full'));

beforeAll(useCpuBackend);

describe('live example ablation-tiny', () => {
  it('builds twins that differ only in the shortcut: same layers with weights, same initial weights', () => {
    const plain = buildNet(defaults, 'plain');
    const residual = buildNet(defaults, 'residual');
    try {
      const weighted = (model: typeof plain) => model.layers.filter((layer) => layer.weights.length > 0).map((layer) => layer.name);
      expect(weighted(plain)).toEqual(weighted(residual));
      const values = (model: typeof plain) => model.getWeights().map((weight) => Array.from(weight.dataSync()));
      expect(values(plain)).toEqual(values(residual));
      expect(residual.layers.filter((layer) => layer.getClassName() === 'Add')).toHaveLength(defaults.blocks);
      expect(plain.layers.filter((layer) => layer.getClassName() === 'Add')).toHaveLength(0);
    } finally {
      plain.dispose();
      residual.dispose();
    }
  });

  it('the residual network reaches a lower training loss and a higher accuracy; nothing leaks; the lesson numbers', async () => {
    const before = tf.memory().numTensors;
    const { result } = await runLiveExample(ablationTiny, { size: 'full' });
    expect(tf.memory().numTensors).toBe(before);
    const summary = result.summary as Record<string, number>;
    expect(summary['residualFinalLoss']).toBeLessThan(0.8 * (summary['plainFinalLoss'] ?? 0));
    expect(summary['residualTrainAccuracy']).toBeGreaterThan((summary['plainTrainAccuracy'] ?? 1) + 0.05);
    const series = result.charts?.[0]?.series ?? [];
    expect(series.map((line) => line.points.length)).toEqual([defaults.steps, defaults.steps]);

    // the lesson's numbers: this run, the built CIFAR-10 ResNet-18, the cited paper figures
    const values = await numbers(result);
    expect(values['ablation.tiny.plainLoss']).toBe(summary['plainFinalLoss']);
    expect(values['ablation.tiny.residualAccuracy']).toBe(summary['residualTrainAccuracy']);
    expect(values['ablation.tiny.blocks']).toBe(defaults.blocks);
    expect(values['ablation.paper.resnet20Error']).toBe(paperTestError.resnet20);
    expect(Number(values['ablation.cifarResnet18.params'])).toBeGreaterThan(11_000_000);
  });

  it('the exercise on the page: with one block the gap between plain and residual shrinks', async () => {
    const gap = (summary: Record<string, number | string>) => Number(summary['plainFinalLoss']) - Number(summary['residualFinalLoss']);
    const deep = (await runLiveExample(ablationTiny, { size: 'full' })).result.summary;
    const shallow = (await runLiveExample(ablationTiny, { size: 'full', settings: { blocks: 1 } })).result.summary;
    expect(shallow['blocks']).toBe(1);
    expect(gap(shallow)).toBeLessThan(gap(deep) / 2);
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runLiveExample(ablationTiny, { size: 'small', signal: controller.signal })).rejects.toThrow('stopped');
  });
});
