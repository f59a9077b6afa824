import { beforeAll, describe, expect, it } from 'vitest';
import type { DataTableValue } from '../../src/lesson-data-types.js';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { numbers } from './numbers.js';
import { paperGflops } from './published-figures.js';
import { parseScientific } from '../shared/scientific.js';

beforeAll(useCpuBackend);

const table = (value: unknown): DataTableValue => value as DataTableValue;

describe('lesson 5 numbers', () => {
  it('build the tables from the models (ResNet-18 and ResNet-50 here; the build runs all five)', async () => {
    const values = await numbers(['resnet18', 'resnet50']);
    const family = table(values['family.table']);
    expect(family.rows.map((row) => [row[0], row[3], row[5]])).toEqual([
      ['resnet18', 18, 11_689_512],
      ['resnet50', 50, 25_557_032],
    ]);
    expect(family.rows.map((row) => row[4])).toEqual(['112 → 56 → 28 → 14 → 7', '112 → 56 → 28 → 14 → 7']);
    expect(family.rows.map((row) => row.length)).toEqual([family.columns.length, family.columns.length]);
    const reference = table(values['family.macsReference']);
    for (const row of reference.rows) expect(Math.abs(Number(row[4]))).toBeLessThan(1);
    const v1 = table(values['family.macsV1']);
    expect(v1.rows.map((row) => row[0])).toEqual(['resnet50']);
    // ResNet-50 with the stride moved back to the first 1×1 conv: the paper's 3.8 G
    expect(Math.abs(Number(v1.rows[0]?.[2]) - paperGflops.resnet50)).toBeLessThan(0.1);
    // v1.5's extra cost, written out: the first 1×1 conv (C_in → width) of each downsampling
    // bottleneck (layer2.0, layer3.0, layer4.0 of ResNet-50) runs on H×H positions instead of (H/2)×(H/2).
    const downsampling = [
      { size: 56, inChannels: 256, width: 128 },
      { size: 28, inChannels: 512, width: 256 },
      { size: 14, inChannels: 1024, width: 512 },
    ];
    const extra = downsampling.reduce((sum, { size, inChannels, width }) => sum + (size * size - (size / 2) ** 2) * inChannels * width, 0);
    expect(extra).toBe(231_211_008);
    expect(values['family.macs.v15Extra']).toBe(Number((extra / 1e9).toFixed(2)));
    expect(values['family.layout.nchwInput']).toBe('[1, 3, 224, 224]');
    expect(values['family.layout.nhwcInput']).toBe('[1, 224, 224, 3]');
    expect(values['family.layout.tfKernel']).toBe('[7, 7, 3, 64]');
    expect(values['family.layout.torchKernel']).toBe('[64, 3, 7, 7]');
    expect(parseScientific(values['family.layout.maxDiff'])).toBeLessThan(1e-5);
  });
});
