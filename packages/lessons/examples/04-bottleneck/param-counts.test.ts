import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { comparedBlocks, convWeights, measureBlock } from './param-counts.js';

beforeAll(useCpuBackend);

describe('lesson 4: block weights', () => {
  it('the library counts the reference figures 1,179,648 / 69,632 / 73,728', () => {
    const blocks = comparedBlocks();
    expect(blocks.twoConv3x3).toBe(1_179_648);
    expect(blocks.bottleneck).toBe(69_632);
    expect(blocks.basic64).toBe(73_728);
  });

  it('agrees with the K · K · Cin · Cout formula', () => {
    const blocks = comparedBlocks();
    expect(blocks.twoConv3x3).toBe(2 * convWeights(3, 256, 256));
    expect(blocks.bottleneck).toBe(convWeights(1, 256, 64) + convWeights(3, 64, 64) + convWeights(1, 64, 256));
    expect(blocks.basic64).toBe(2 * convWeights(3, 64, 64));
  });

  it('adds γ and β of each BN to the trainable parameters; MACs are weights × positions at stride 1', () => {
    const bottleneck = measureBlock('bottleneck', 256, 64);
    expect(bottleneck.params).toBe(69_632 + 2 * (64 + 64 + 256));
    expect(bottleneck.macs).toBe(69_632 * 56 * 56);
  });
});
