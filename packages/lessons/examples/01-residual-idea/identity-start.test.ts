import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { identityStart } from './identity-start.js';

beforeAll(useCpuBackend);

const small = () => ({ size: 'small' as const, signal: new AbortController().signal, onProgress: () => {} });

describe('live example identity-start', () => {
  it('starts at the identity, moves away as γ grows, is deterministic and frees its tensors', async () => {
    const before = tf.memory().numTensors;
    const first = await identityStart.run(small());
    const second = await identityStart.run(small());
    expect(tf.memory().numTensors).toBe(before);
    expect(second).toEqual(first);
    expect(first.summary['distanceAtZero']).toBe(0);
    const points = first.charts?.[0]?.series[0]?.points ?? [];
    expect(points).toHaveLength(Number(first.summary['gammaPoints']));
    for (let index = 1; index < points.length; index += 1) {
      expect(points[index]?.[1]).toBeGreaterThan(points[index - 1]?.[1] ?? Infinity);
    }
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(identityStart.run({ size: 'small', signal: controller.signal, onProgress: () => {} })).rejects.toThrow('stopped');
  });
});
