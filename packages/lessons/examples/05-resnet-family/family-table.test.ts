import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { depths, familyTable } from './family-table.js';
import { paperGflops, torchvision } from './published-figures.js';

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

  it('reads layers, sizes, parameters and MACs off built models (ResNet-18 and ResNet-50)', async () => {
    const rows = await familyTable(['resnet18', 'resnet50']);
    expect(rows.map((row) => row.layers)).toEqual([18, 50]);
    expect(rows.map((row) => row.sizes)).toEqual([[112, 56, 28, 14, 7], [112, 56, 28, 14, 7]]);
    expect(rows.map((row) => row.channels)).toEqual([512, 2048]);
    expect(rows.map((row) => row.params)).toEqual([torchvision.resnet18.params, torchvision.resnet50.params]);
    for (const row of rows) expect(Math.abs(row.macs / 1e9 / torchvision[row.name].gmacs - 1)).toBeLessThan(0.01);
    // basic blocks have no v1/v1.5 difference; ResNet-50 v1 comes back to the paper's 3.8 G
    expect(rows[0]?.macsV1).toBe(rows[0]?.macs);
    expect(Math.abs((rows[1]?.macsV1 ?? 0) / 1e9 - paperGflops.resnet50)).toBeLessThan(0.1);
  });
});
