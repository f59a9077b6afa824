import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { numbers } from './numbers.js';
import { paperTestError } from './paper-figures.js';

beforeAll(useCpuBackend);

describe('lesson 6 numbers', () => {
  it('come from the small live run, the built seeds network and the cited paper figures', async () => {
    const values = await numbers();
    expect(values['ablation.paper.resnet20Error']).toBe(paperTestError.resnet20);
    expect(Number(values['ablation.cifarResnet18.params'])).toBeGreaterThan(11_000_000);
    expect(Number(values['ablation.tiny.residualLoss'])).toBeLessThan(Number(values['ablation.tiny.plainLoss']));
    expect(values['ablation.tiny.blocks']).toBe(6);
  });
});
