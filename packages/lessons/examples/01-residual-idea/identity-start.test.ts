import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { runLiveExample } from '../../src/live-runner.js';
import { identityStart } from './identity-start.js';

beforeAll(useCpuBackend);

const run = async (settings = {}) => (await runLiveExample(identityStart, { size: 'full', settings })).result;

describe('live example identity-start', () => {
  it('starts at the identity, moves away as γ grows, is deterministic and frees its tensors', async () => {
    const before = tf.memory().numTensors;
    const first = await run();
    const second = await run();
    expect(tf.memory().numTensors).toBe(before);
    expect(second).toEqual(first);
    expect(first.summary['distanceAtZero']).toBe(0);
    const points = first.charts?.[0]?.series[0]?.points ?? [];
    expect(points).toHaveLength(Number(first.summary['gammaPoints']));
    for (let index = 1; index < points.length; index += 1) {
      expect(points[index]?.[1]).toBeGreaterThan(points[index - 1]?.[1] ?? Infinity);
    }
  });

  it('with negative inputs (the lesson’s exercise) the block at γ = 0 is relu(x), no longer the identity', async () => {
    const result = await run({ negativeInputs: true, gammaPoints: 2 });
    expect(result.summary['gammaPoints']).toBe(2);
    expect(result.summary['distanceAtZero']).toBeGreaterThan(0.3);
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runLiveExample(identityStart, { size: 'small', signal: controller.signal })).rejects.toThrow('stopped');
  });
});
