import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { stripe, stripeClasses, stripes } from './stripes.js';

beforeAll(useCpuBackend);

describe('lesson 6: the stripes data set', () => {
  it('draws four distinct clean patterns', () => {
    const size = 6;
    const patterns = stripeClasses.map((_, label) =>
      Array.from({ length: size * size }, (_, index) => stripe(label, Math.floor(index / size), index % size, size)).join(''),
    );
    expect(new Set(patterns).size).toBe(4);
    for (const pattern of patterns) expect(pattern).toMatch(/^[01]+$/);
    expect(patterns[0]?.slice(0, 12)).toBe('000000111111'); // horizontal: rows alternate
  });

  it('is seeded, labelled in turn, and noisy within the bound', () => {
    const first = stripes(8, 4, 0.5, 3);
    const again = stripes(8, 4, 0.5, 3);
    try {
      expect(first.x.shape).toEqual([8, 4, 4, 1]);
      expect(Array.from(first.labels.dataSync())).toEqual([0, 1, 2, 3, 0, 1, 2, 3]);
      expect(Array.from(again.x.dataSync())).toEqual(Array.from(first.x.dataSync()));
      const values = Array.from(first.x.dataSync());
      expect(Math.min(...values)).toBeGreaterThanOrEqual(-0.5);
      expect(Math.max(...values)).toBeLessThanOrEqual(1.5);
    } finally {
      tf.dispose([first.x, first.labels, again.x, again.labels]);
    }
  });
});
