import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { numbers } from './numbers.js';
import { parseScientific } from '../shared/scientific.js';

beforeAll(useCpuBackend);

describe('lesson 3 numbers', () => {
  it('come from running the layers', async () => {
    const values = await numbers();
    expect(values['batchNorm.momentum']).toBe(0.9);
    expect(parseScientific(values['batchNorm.byHand.maxDiff'])).toBeLessThan(1e-4);
    expect(parseScientific(values['batchNorm.bias.maxDiff'])).toBeLessThan(1e-4);
    expect(values['batchNorm.modes.evalBatchEffect']).toBe(0);
    // ResNet-50's convs have 26,560 filters in all (stem 64; stages 3·(64+64+256), 4·(128+128+512),
    // 6·(256+256+1024), 3·(512+512+2048); one projection per stage: 256+512+1024+2048)
    expect(values['batchNorm.bias.resnet50']).toBe(64 + 3 * 384 + 4 * 768 + 6 * 1536 + 3 * 3072 + 256 + 512 + 1024 + 2048);
    expect(values['batchNorm.exercise.pow22']).toBeLessThan(0.1);
    expect(parseScientific(values['batchNorm.backward.maxDiff'])).toBeLessThan(1e-4);
    expect(values['batchNorm.backward.writtenKernels']).toBeLessThan(values['batchNorm.backward.autodiffKernels'] as number);
  });
});
