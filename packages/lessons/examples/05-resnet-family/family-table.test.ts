import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { depths, familyTable } from './family-table.js';
import { torchvision } from './published-figures.js';

beforeAll(useCpuBackend);

describe('lesson 5: the family table', () => {
  it('reads the architecture data of all five models', () => {
    expect(depths().map((entry) => `${entry.name}:${entry.block}:${entry.layers.join('')}`)).toEqual([
      'resnet18:basic:2222',
      'resnet34:basic:3463',
      'resnet50:bottleneck:3463',
      'resnet101:bottleneck:34233',
      'resnet152:bottleneck:38363',
    ]);
  });

  it('reads layers, sizes, parameters and MACs off a built model (ResNet-18; ResNet-50 in numbers.test.ts)', async () => {
    const [row] = await familyTable(['resnet18']);
    expect(row?.layers).toBe(18);
    expect(row?.sizes).toEqual([112, 56, 28, 14, 7]);
    expect(row?.channels).toBe(512);
    expect(row?.params).toBe(torchvision.resnet18.params);
    expect(Math.abs((row?.macs ?? 0) / 1e9 / torchvision.resnet18.gmacs - 1)).toBeLessThan(0.01);
    expect(row?.macsV1).toBe(row?.macs); // basic blocks: no v1/v1.5 difference
  });
});
