import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { downsampleShortcut, inputCoverage } from './resnet-d-shortcut.js';

beforeAll(useCpuBackend);

describe('lesson 5: ResNet-D’s downsampling shortcut', () => {
  it('halves H and W and doubles C in both forms', () => {
    for (const kind of ['v1.5', 'D'] as const) {
      const model = downsampleShortcut(kind, 8, 16);
      expect(model.outputs[0]?.shape).toEqual([null, 4, 4, 32]);
      model.dispose();
    }
  });

  it('the stride-2 1×1 convolution reads a quarter of the positions, ResNet-D all of them, with the same weights', async () => {
    const v15 = await inputCoverage('v1.5');
    const d = await inputCoverage('D');
    expect(v15.fraction).toBe(0.25);
    expect(d.fraction).toBe(1);
    expect(d.params).toBe(v15.params);
  });
});
