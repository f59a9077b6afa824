import * as tf from '@tensorflow/tfjs-core';
import type { KernelBackend, KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import { KernelRunner } from './kernel-runner.js';
import { rowReduction } from './row-reduction.js';
import { stockKernel } from './stock-kernels.js';

/** The reductions {@link reduceByMatMulConfig} provides. */
export type MatMulReduceKernelName = 'Sum' | 'Mean';

/**
 * Residual's `Sum` or `Mean` for the cpu backend (wasm registers `reduceByPoolingConfig`, which
 * is faster there: wasm runs a transposed product as a plain loop), for float32 reductions over
 * contiguous axes that stop before the last one: batch normalization's per-channel statistics and
 * their gradients over `[N, H, W, C]`, global average pooling over `[H, W]`. Seen as
 * `[outer, rows, inner]` ({@link rowReduction}), the reduction is one matrix product with a column
 * of ones (of `1/rows` for a mean): `[outer, rows, inner]ᵀ × [outer, rows, 1] → [outer, inner, 1]`.
 * TF.js 4.22's stock cpu kernel is slower: it loops over a transposed copy (20× slower on
 * `[128, 32, 32, 16]`).
 * Other reductions go to the stock kernel.
 *
 * @param kernelName - `'Sum'` or `'Mean'`.
 * @param backendName - `'cpu'` (any backend with `Fill`, `Reshape` and `BatchMatMul`).
 * @returns the kernel config to pass to `tf.registerKernel`.
 * @example
 * tf.registerKernel(reduceByMatMulConfig('Mean', 'cpu'));
 * tf.mean(x, [0, 1, 2]); // x: [N, H, W, C] → [C], one BatchMatMul
 */
export function reduceByMatMulConfig(kernelName: MatMulReduceKernelName, backendName: string): KernelConfig {
  return {
    kernelName,
    backendName,
    kernelFunc: (args) => {
      const x = args.inputs['x'] as TensorInfo;
      const axis = (args.attrs?.['axis'] ?? x.shape.map((_, i) => i)) as number | number[]; // none: every axis
      const axes = tf.util.parseAxisParam(axis, x.shape);
      const view = x.dtype === 'float32' ? rowReduction(x.shape, axes) : 'the input is not float32';
      if (typeof view === 'string') {
        const stock = stockKernel(kernelName, backendName);
        if (stock === undefined) {
          throw new Error(`${kernelName}: backend '${backendName}' must ship a stock ${kernelName} kernel, but got none. Use a TF.js 4.22 backend.`);
        }
        return stock.kernelFunc(args);
      }
      const keepDims = args.attrs?.['keepDims'] === true;
      const [reduced] = tf.backend_util.computeOutAndReduceShapes(x.shape, [...axes].sort((a, b) => a - b));
      const outShape = keepDims ? tf.backend_util.expandShapeToKeepDim(reduced, axes) : reduced;
      const run = new KernelRunner(backendName, args.backend as KernelBackend);
      const value = kernelName === 'Mean' ? 1 / view.rows : 1;
      const rows = run.reshape(x, [view.outer, view.rows, view.inner]); // [outer, rows, inner]
      const weights = run.run('Fill', [], { shape: [view.outer, view.rows, 1], value, dtype: 'float32' }); // [outer, rows, 1]
      const product = run.run('BatchMatMul', { a: rows, b: weights }, { transposeA: true, transposeB: false }); // [outer, inner, 1]
      const out = run.reshape(product, outShape);
      run.dispose(weights, rows, product);
      return out;
    },
  };
}
