import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { asMatrixProduct, oneByOne } from './one-by-one.js';

beforeAll(useCpuBackend);

describe('lesson 4: the 1×1 convolution', () => {
  it('has Cin · Cout weights, keeps H and W, and equals a per-pixel matrix product', () => {
    const { model, weights } = oneByOne(1);
    try {
      expect(weights).toBe(256 * 64);
      expect(model.outputs[0]?.shape).toEqual([null, 56, 56, 64]);
      expect(asMatrixProduct(model, 1)).toBeLessThan(1e-4);
    } finally {
      model.dispose();
    }
  });
});
