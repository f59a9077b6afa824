import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { KernelRunner } from './kernel-runner.js';

/**
 * Spreads the rows and columns of `x` apart by `stride`, putting `stride − 1` zeros after each:
 * the "input dilation" that turns a strided convolution's transpose into a stride-1 convolution.
 *
 * @param x - `[N, H, W, C]`.
 * @param strideHeight - rows of spacing, ≥ 1.
 * @param strideWidth - columns of spacing, ≥ 1.
 * @returns `[N, H·strideHeight, W·strideWidth, C]` (trailing zeros included), or `x` itself for stride 1.
 * @example
 * dilateSpatial(run, dy, 2, 2); // [N, 2·OH, 2·OW, C], dy[n, i, j] at [n, 2i, 2j]
 */
export function dilateSpatial(run: KernelRunner, x: TensorInfo, strideHeight: number, strideWidth: number): TensorInfo {
  if (strideHeight === 1 && strideWidth === 1) return x;
  const [batch = 0, height = 0, width = 0, channels = 0] = x.shape;
  const spread = run.reshape(x, [batch, height, 1, width, 1, channels]);
  const padded = run.run(
    'PadV2',
    { x: spread },
    {
      paddings: [
        [0, 0],
        [0, 0],
        [0, strideHeight - 1],
        [0, 0],
        [0, strideWidth - 1],
        [0, 0],
      ],
      constantValue: 0,
    },
  ); // [N, H, sh, W, sw, C]
  const dilated = run.reshape(padded, [batch, height * strideHeight, width * strideWidth, channels]);
  run.dispose(spread, padded);
  return dilated;
}
