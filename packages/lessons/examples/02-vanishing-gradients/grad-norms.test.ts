import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { buildStack, gradientNorms, spread } from './grad-norms.js';
import { runLiveExample } from '../../src/live-runner.js';
import { gradNorms } from './grad-norms-live.js';
import { numbers } from './numbers.js';

beforeAll(useCpuBackend);

describe('lesson 2: gradient norms', () => {
  it('spread is the max/min ratio', () => {
    expect(spread([4, 2, 1])).toBe(4);
    expect(spread([3, 3])).toBe(1);
  });

  it('builds twins with the same layers and the same initial weights; only the residual one adds', () => {
    const config = { blocks: 3, size: 4, channels: 4, batch: 4, classes: 2, seed: 3 };
    const plain = buildStack(config, 'plain');
    const residual = buildStack(config, 'residual');
    try {
      const weighted = (model: typeof plain) => model.layers.filter((layer) => layer.weights.length > 0).map((layer) => layer.name);
      expect(weighted(plain)).toEqual(weighted(residual));
      const values = (model: typeof plain) => model.getWeights().map((weight) => Array.from(weight.dataSync()));
      expect(values(plain)).toEqual(values(residual));
      expect(residual.layers.filter((layer) => layer.getClassName() === 'Add')).toHaveLength(3);
      expect(plain.layers.filter((layer) => layer.getClassName() === 'Add')).toHaveLength(0);
    } finally {
      plain.dispose();
      residual.dispose();
    }
  });

  it('the same seed gives the same norms', async () => {
    const config = { blocks: 2, size: 4, channels: 4, batch: 4, classes: 2, seed: 3 };
    const first = buildStack(config, 'residual');
    const second = buildStack(config, 'residual');
    try {
      const norms = await gradientNorms(first, config);
      expect(norms).toHaveLength(2);
      expect(norms.every((norm) => norm > 0 && Number.isFinite(norm))).toBe(true);
      expect(await gradientNorms(second, config)).toEqual(norms);
    } finally {
      first.dispose();
      second.dispose();
    }
  });

  it('live (and the lesson numbers): the plain stack spreads its gradient norms far wider than the residual twin', async () => {
    const before = tf.memory().numTensors;
    const { result } = await runLiveExample(gradNorms, { size: 'full' });
    expect(tf.memory().numTensors).toBe(before);
    const { plainSpread, residualSpread, plainFirst, plainLast } = result.summary;
    expect(Number(plainSpread)).toBeGreaterThan(2 * Number(residualSpread));
    // with batch normalization the plain stack's gradient grows towards the input
    expect(Number(plainFirst)).toBeGreaterThan(Number(plainLast));
    const series = result.charts?.[0]?.series ?? [];
    expect(series.map((line) => line.name)).toEqual(['plain', 'residual']);
    expect(series[0]?.points).toHaveLength(Number(result.summary['blocks']));

    // the lesson's numbers: the computed reference values, and this run's spreads
    const values = await numbers(result);
    expect(values['gradients.pow.shrink']).toBe(0.0255);
    expect(values['gradients.pow.grow']).toBe(37.8);
    expect(values['gradients.sigmoid.maxSlope']).toBe(0.25);
    expect(values['gradients.sigmoid.maxAt']).toBe(0);
    expect(values['gradients.sigmoid.chain10']).toBe('9.54 × 10⁻⁷');
    expect(values['gradients.exercise.nine']).toBe(0.0052);
    expect(values['gradients.norms.blocks']).toBe(result.summary['blocks']);
    expect(Number(values['gradients.norms.plainSpread'])).toBeGreaterThan(2 * Number(values['gradients.norms.residualSpread']));
  });

  it('the reader’s settings reach the experiment: more blocks, one norm per block', async () => {
    const { result, settings } = await runLiveExample(gradNorms, { size: 'full', settings: { blocks: '3', channels: '4', size: '4', batch: '4' } });
    expect(settings).toEqual({ blocks: 3, channels: 4, size: 4, batch: 4 });
    expect(result.summary['blocks']).toBe(3);
    expect(result.charts?.[0]?.series[0]?.points).toHaveLength(3);
  });
});
