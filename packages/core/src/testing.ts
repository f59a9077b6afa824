/**
 * @residual/core/testing — what Residual's own tests and benchmarks use to check kernels and
 * folding, public so that the repository's `tests/` and `bench/` reach it through the exports map:
 * seeded inputs that replay on every backend, the comparison of one of Residual's WebGPU kernels
 * with a reference backend, the error measure those comparisons report, fast-check arbitraries of
 * the convolutions and reductions the kernels take, and seeded batch-norm statistics. The
 * arbitraries need `fast-check` (an optional peer dependency of `@residual/core`).
 *
 * @packageDocumentation
 */
// TF.js's cpu backend, registered on import: the reference backend the comparisons default to.
import './engine/backend/default-backend.js';
// Seeded inputs and kernel comparisons
export { compareKernel, maxRelativeError, seededTensor, type KernelComparison, type SeededInput } from './testing/compare-kernel.js';
export { compareConvKernel, compareResidualConv2d, type ConvCase, type ConvComparison, type ConvKernelName } from './testing/compare-conv-kernel.js';
// fast-check arbitraries of the cases the kernels take
export { convCaseArbitrary, convCases, type ConvCaseChoices } from './testing/conv-case-arbitrary.js';
export { reduceCaseArbitrary, type ReduceCase } from './testing/reduce-case-arbitrary.js';
// Models whose folding is tested for real
export { randomizeBatchNorms } from './testing/randomize-batch-norms.js';
