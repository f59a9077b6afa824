import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { compareBackward } from './bn-backward.js';

beforeAll(useCpuBackend);

describe("lesson 3: batch norm's backward pass written out", () => {
  it("equals TF.js's automatic gradient, in fewer kernels, and frees its tensors", async () => {
    const before = tf.memory().numTensors;
    const { maxDiff, autodiffKernels, writtenKernels } = await compareBackward(1);
    expect(tf.memory().numTensors).toBe(before);
    expect(maxDiff).toBeLessThan(1e-4);
    expect(writtenKernels).toBeLessThan(autodiffKernels);
    expect(writtenKernels).toBeGreaterThan(5);
  });
});
