import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { reduceCaseArbitrary } from '../../../testing/reduce-case-arbitrary.js';
import { setUpWebGpuForTests } from './__fixtures__/webgpu-test-backend.js';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { compareKernel } from '../../../testing/compare-kernel.js';
import { planReduce } from './reduce-geometry.js';
import { rowSumPlanOptions } from './row-sum.js';
import { releaseWebGpuBackend } from './release-webgpu-backend.js';
import { webGpuKernelCounts } from './stock-webgpu-kernels.js';
import { configureWebGpuConv, resetWebGpuConvOptions } from './webgpu-conv-options.js';

const gpu = await setUpWebGpuForTests('Sum and Mean on webgpu');
afterAll(() => releaseWebGpuBackend());
afterEach(() => resetWebGpuConvOptions());

describe.skipIf(!gpu.available)('Sum and Mean on webgpu (row reduction without a transpose) against the cpu backend', () => {
  it('match over shapes, axis runs and keepDims, with and without split rows', async () => {
    await fc.assert(
      fc.asyncProperty(reduceCaseArbitrary, fc.constantFrom('Sum', 'Mean'), fc.constantFrom(1, 512), async (c, name, targetWorkgroups) => {
        configureWebGpuConv({ targetWorkgroups });
        const result = await compareKernel(name, { x: c.x }, { axis: c.axis, keepDims: c.keepDims });
        expect(result.ranResidual).toBe(true);
        expect(result.maxError).toBeLessThan(1e-5);
      }),
      { numRuns: 16 },
    );
  });

  it("sums batch norm's per-channel statistic in split rows, then adds the splits", async () => {
    // [8, 16, 16, 12]: 2,048 rows of 12 channels (3 vec4 columns), split between workgroups.
    const plan = planReduce({ outer: 1, rows: 2048, inner: 12, width: 4 }, rowSumPlanOptions(tf.backend() as WebGPUBackend));
    expect(plan.splits).toBeGreaterThan(1);
    for (const name of ['Sum', 'Mean']) {
      const result = await compareKernel(name, { x: [[8, 16, 16, 12], 7] }, { axis: [0, 1, 2], keepDims: false });
      expect(result).toMatchObject({ outputShape: [12], ranResidual: true });
      expect(result.maxError).toBeLessThan(1e-5);
    }
  });

  it('hands the innermost axis, gaps and int32 inputs to the stock kernel', async () => {
    const before = webGpuKernelCounts()['Sum']?.stock ?? 0;
    for (const attrs of [{ axis: [2], keepDims: false }, { axis: [0, 2], keepDims: true }]) {
      const result = await compareKernel('Sum', { x: [[3, 4, 5], 2] }, attrs);
      expect(result.ranResidual).toBe(false);
      expect(result.maxError).toBeLessThan(1e-5);
    }
    const ints = tf.tensor([1, 2, 3, 4], [2, 2], 'int32');
    expect(Array.from(await tf.sum(ints, 0).data())).toEqual([4, 6]);
    tf.dispose(ints);
    expect(webGpuKernelCounts()['Sum']?.stock).toBe(before + 3);
  });
});
