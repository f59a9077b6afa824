import * as tf from '@tensorflow/tfjs-core';
import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import type { KernelRunner } from './kernel-runner.js';
import { runnerKernel } from './kernel-runner.js';
import type { MatMulReduceKernelName } from './reduce-by-matmul.js';
import { rowReduction } from './row-reduction.js';
import { stockKernel } from './stock-kernels.js';

/**
 * Residual's `Sum` or `Mean` for the wasm backend, for float32 reductions over contiguous axes that
 * stop before the last one (batch norm's statistics over `[N, H, W]`, global average pooling over
 * `[H, W]`), as XNNPACK's average pooling, which reads the tensor once, in place, on every thread:
 * first over the last two reduced axes (a window of `H × W` per image), then over the rest (the
 * batch), so that no single running sum covers more than one of those. On `[128, 32, 32, 16]`
 * that is 0.3–0.4 ms where TF.js 4.22's `Mean` takes ~5 ms and a matrix product with a column of
 * ones ~2 ms (one thread). `Sum` is the mean times the count. Other reductions go to the stock kernel.
 *
 * @param kernelName - `'Sum'` or `'Mean'`.
 * @param backendName - `'wasm'` (any backend with `AvgPool`, `Reshape` and `Multiply`).
 * @returns the kernel config to pass to `tf.registerKernel`.
 * @example
 * tf.registerKernel(reduceByPoolingConfig('Mean', 'wasm'));
 * tf.mean(x, [0, 1, 2]); // x: [N, H, W, C] → [C], two AvgPool calls
 */
export function reduceByPoolingConfig(kernelName: MatMulReduceKernelName, backendName: string): KernelConfig {
  return runnerKernel(kernelName, backendName, (run, inputs, attrs) => {
    const x = inputs['x'] as TensorInfo;
    const axis = (attrs['axis'] ?? x.shape.map((_, i) => i)) as number | number[]; // none: every axis
    const axes = [...tf.util.parseAxisParam(axis, x.shape)].sort((a, b) => a - b);
    const view = x.dtype === 'float32' ? rowReduction(x.shape, axes) : 'the input is not float32';
    if (typeof view === 'string') {
      const stock = stockKernel(kernelName, backendName);
      if (stock === undefined) {
        throw new Error(`${kernelName}: backend '${backendName}' must ship a stock ${kernelName} kernel, but got none. Use a TF.js 4.22 backend.`);
      }
      return stock.kernelFunc({ inputs, attrs, backend: run.backend }) as TensorInfo;
    }
    const [reduced] = tf.backend_util.computeOutAndReduceShapes(x.shape, axes);
    const outShape = attrs['keepDims'] === true ? tf.backend_util.expandShapeToKeepDim(reduced, axes) : reduced;
    const dims = axes.map((a) => x.shape[a] ?? 1); // the reduced axes' sizes
    const window = dims.slice(-2); // [H, W], or [rows] for one axis
    const [height = 1, width = 1] = window.length === 2 ? window : [window[0], 1];
    const rest = dims.slice(0, -2).reduce((product, dim) => product * dim, 1); // e.g. N
    const perImage = pool(run, run.reshape(x, [view.outer * rest, height, width, view.inner]), height, width); // [outer·rest, 1, 1, inner]
    const mean = rest === 1 ? perImage : pool(run, run.reshape(perImage, [view.outer, rest, 1, view.inner]), rest, 1); // [outer, 1, 1, inner]
    if (mean !== perImage) run.dispose(perImage);
    // The result comes from a kernel that allocates it in its final shape (the wasm backend records
    // each buffer's shape, and some kernels read that record): one small Multiply, by the count for
    // a sum and by 1 for a mean.
    const shaped = run.reshape(mean, outShape);
    const factor = run.write(new Float32Array([kernelName === 'Sum' ? view.rows : 1]), []);
    const out = run.run('Multiply', { a: shaped, b: factor });
    run.dispose(mean, shaped, factor);
    return out;
  });
}

/** Average pooling of `x` (`[B, h, w, C]`, a reshaped view, freed here) over its whole `h × w`. */
function pool(run: KernelRunner, x: TensorInfo, height: number, width: number): TensorInfo {
  const out = run.run('AvgPool', { x }, { filterSize: [height, width], strides: [height, width], pad: 'valid' }); // [B, 1, 1, C]
  run.dispose(x);
  return out;
}
