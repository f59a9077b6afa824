// The unit tests' property checks of Residual's WebGPU kernels against the cpu backend, run on
// whatever adapter the benchmark uses (kernel-bench.ts --check-runs N): the convolutions with
// tiles chosen per shape and then each tile forced, a residual block's last convolution
// (ResidualConv2D, which folded inference runs), and the reductions.
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { configureWebGpuConv, gemmTileNames, resetWebGpuConvOptions } from '@residual/core/engine';
// The unit tests' comparisons and case generators, reused to check a real adapter.
import {
  compareConvKernel,
  compareKernel,
  compareResidualConv2d,
  convCaseArbitrary,
  reduceCaseArbitrary,
  type ConvKernelName,
} from '@residual/core/testing';

const convNames: ConvKernelName[] = ['Conv2D', 'FusedConv2D', 'Conv2DBackpropInput', 'Conv2DBackpropFilter'];

/** Runs one property `runs` times and prints the outcome; true when every case matched. */
async function report<Values extends unknown[]>(label: string, property: fc.IAsyncProperty<Values>, runs: number): Promise<boolean> {
  const result = await fc.check(property, { numRuns: runs });
  console.log(`check ${label}: ${result.failed ? `FAILED on ${JSON.stringify(result.counterexample)}` : `${runs} cases match the cpu backend`}`);
  return !result.failed;
}

/**
 * Checks every kernel against the cpu backend on random cases; leaves webgpu active.
 *
 * @param runs - cases per kernel with tiles chosen per shape (a fifth of that per forced tile).
 * @returns whether every case matched (within 1e-5 of the largest reference value).
 * @example
 * const ok = await checkKernels(25);
 */
export async function checkKernels(runs: number): Promise<boolean> {
  let ok = true;
  for (const tile of [undefined, ...gemmTileNames]) {
    configureWebGpuConv({ tile });
    for (const name of convNames) {
      const property = fc.asyncProperty(convCaseArbitrary, async (c) => {
        const { maxError, ranResidual } = await compareConvKernel(name, c);
        return ranResidual && maxError < 1e-5;
      });
      ok = (await report(`${name}, ${tile ?? 'tile per shape'}`, property, tile === undefined ? runs : Math.max(1, Math.ceil(runs / 5)))) && ok;
    }
  }
  resetWebGpuConvOptions();
  const residual = fc.asyncProperty(convCaseArbitrary, fc.constantFrom('linear', 'relu' as const), async (c, activation) => {
    const { maxError, ranResidual } = await compareResidualConv2d({ ...c, activation });
    return ranResidual && maxError < 1e-5;
  });
  ok = (await report('ResidualConv2D', residual, runs)) && ok;
  for (const name of ['Sum', 'Mean']) {
    const property = fc.asyncProperty(reduceCaseArbitrary, async (c) => {
      const { maxError, ranResidual } = await compareKernel(name, { x: c.x }, { axis: c.axis, keepDims: c.keepDims });
      return ranResidual && maxError < 1e-5;
    });
    ok = (await report(name, property, runs)) && ok;
  }
  await tf.setBackend('webgpu');
  return ok;
}
