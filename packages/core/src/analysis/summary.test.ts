import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, test } from 'vitest';
import { buildModel } from '../models/registry.js';
import { countMacs } from './count-macs.js';
import { countParams } from './count-params.js';
import { summarize } from './summarize.js';
import { summary } from './summary.js';

describe('summary', () => {
  const model = buildModel('resnet20', { seed: 1 });

  test('rows add up to the totals', () => {
    const { rows, params, macs } = summarize(model);
    expect(rows.reduce((sum, row) => sum + row.params, 0)).toBe(params.total);
    expect(rows.reduce((sum, row) => sum + row.trainableParams, 0)).toBe(params.trainable);
    expect(rows.reduce((sum, row) => sum + row.macs, 0)).toBe(macs);
    expect(params).toEqual(countParams(model));
    expect(macs).toBe(countMacs(model));
    expect(rows.find((row) => row.name === 'layer2.0.downsample.0')).toMatchObject({ type: 'Conv2D', outputShape: '[N,16,16,32]', params: 16 * 32 });
  });

  test('prints a table with totals and says that BN statistics are not trainable', () => {
    const text = summary(model);
    const { params } = summarize(model);
    expect(text).toContain('Layer (type)');
    expect(text).toMatch(/conv1 \(Conv2D\)\s+\[N,32,32,16\]\s+432\s+442,368/);
    expect(text).toContain(`Trainable params: ${params.trainable.toLocaleString('en-US')}`);
    expect(text).toContain('Non-trainable params: 1,568 (BatchNorm running mean and variance');
    expect(text).not.toContain('v1.5'); // no bottlenecks here
  });
});
