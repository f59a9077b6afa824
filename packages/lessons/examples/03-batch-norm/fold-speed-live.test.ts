import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { runLiveExample } from '../../src/live-runner.js';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { foldSpeed } from './fold-speed-live.js';

beforeAll(useCpuBackend);

describe('lesson 3, live: folded inference against the layers', () => {
  it('folds every batch norm and add of ResNet-20, gives the same logits, and times both', async () => {
    const { result, tensors } = await runLiveExample(foldSpeed, { size: 'small' });
    expect(tensors.after).toBe(tensors.before);
    expect(result.summary).toEqual({ model: 'resnet20', batch: 4, foldedBatchNorms: 21, foldedAdds: 9, sameLogits: 'yes' });
    const measured = result.measured ?? {};
    expect(Object.keys(measured)).toEqual(['layersKernels', 'foldedKernels', 'layersMs', 'foldedMs', 'speedUp']);
    expect(measured['foldedKernels']).toBeLessThan(measured['layersKernels'] as number);
    for (const key of ['layersMs', 'foldedMs', 'speedUp']) expect(measured[key]).toBeGreaterThan(0);
    expect(result.charts?.[0]?.series.map((line) => line.points.length)).toEqual([2, 2]);
    expect(tf.getBackend()).toBe('cpu');
  });

  it('a deeper model folds more: ResNet-32 has 33 batch norms and 15 residual adds', async () => {
    const { result } = await runLiveExample(foldSpeed, { size: 'small', settings: { model: 'resnet32', batch: 1, rounds: 1 } });
    expect(result.summary).toEqual({ model: 'resnet32', batch: 1, foldedBatchNorms: 33, foldedAdds: 15, sameLogits: 'yes' });
  });
});
