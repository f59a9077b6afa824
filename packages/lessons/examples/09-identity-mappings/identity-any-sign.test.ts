import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { identityAnySign } from './identity-any-sign.js';

beforeAll(useCpuBackend);

describe('lesson 9: a switched-off branch', () => {
  it('leaves the pre-activation block exactly the identity, and the original block relu(x)', () => {
    const before = tf.memory().numTensors;
    const result = identityAnySign(1);
    expect(tf.memory().numTensors).toBe(before);
    expect(result.preactMaxDiff).toBe(0);
    expect(result.negativePart).toBeGreaterThan(1);
    // the original block returns relu(x): it differs from x by exactly the negative part
    expect(result.originalMaxDiff).toBeCloseTo(result.negativePart, 5);
  });
});
