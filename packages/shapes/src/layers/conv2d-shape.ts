import { formatShape } from '../format-shape.js';
import { convOutputSize, effectiveKernelSize, type Padding } from '../output-size.js';
import { ShapeError, shapeErrorMessage } from '../shape-error.js';
import type { RuntimeShape } from '../shape.js';
import { formatPair, pair, type PairOption } from './pair.js';
import { assertRank } from './rank-check.js';

/** The options that decide a 2-D window's output shape (conv or pooling). */
export interface WindowOptions {
  /** window size K, or [K_h, K_w] */
  kernelSize: PairOption;
  /** step S (default 1), or [S_h, S_w] */
  strides?: PairOption;
  /** `'same'`, `'valid'` (default) or P zeros per side */
  padding?: Padding;
  /** dilation D (default 1), or [D_h, D_w] */
  dilationRate?: PairOption;
}

function formatPadding(padding: Padding): string {
  return typeof padding === 'number' ? String(padding) : `'${padding}'`;
}

/**
 * The `[N, H', W']` part of a window's output, with the shape errors that the types give:
 * the window must fit the padded input, and TF.js cannot combine strides and dilation.
 *
 * @param api - who asks, e.g. `'conv2d'` or `'maxPool2d'`
 * @param inShape - `[N, H, W, C]` (NHWC)
 * @returns `[N, H', W']`
 * @example
 * ```ts
 * windowOutputShape('conv2d', [null, 32, 32, 3], { kernelSize: 3, strides: 2, padding: 1 });
 * // [null, 16, 16]
 * ```
 */
export function windowOutputShape(
  api: string,
  inShape: RuntimeShape,
  options: WindowOptions,
): [number | null, number, number] {
  assertRank(api, inShape, 4, '[N,H,W,C]', 'pass a batch of feature maps, NHWC');
  const { kernelSize, strides = 1, padding = 'valid', dilationRate = 1 } = options;
  const [strideH, strideW] = pair(strides);
  const [dilationH, dilationW] = pair(dilationRate);
  if ((strideH !== 1 || strideW !== 1) && (dilationH !== 1 || dilationW !== 1)) {
    throw new ShapeError(
      shapeErrorMessage(
        api,
        `strides or dilationRate must be 1 (TF.js), but got strides ${formatPair(strides)} and dilationRate ${formatPair(dilationRate)}`,
        'use a stride or a dilation, not both',
      ),
    );
  }
  const [kernelH, kernelW] = pair(kernelSize);
  const outputSize = (axis: 1 | 2): number => {
    const size = inShape[axis];
    if (size == null) throw new ShapeError(shapeErrorMessage(api, `input height and width must be known, but got ${formatShape(inShape)}`, 'give input() the image size'));
    const kernel = axis === 1 ? kernelH : kernelW;
    const dilation = axis === 1 ? dilationH : dilationW;
    const pad = padding === 'same' ? 0 : padding === 'valid' ? 0 : padding;
    if (padding !== 'same' && size + 2 * pad < effectiveKernelSize(kernel, dilation)) {
      throw new ShapeError(
        shapeErrorMessage(
          api,
          `kernel ${formatPair(kernelSize)} must fit the input, but got ${formatShape(inShape)} with padding ${formatPadding(padding)}`,
          "use padding 'same', a smaller kernelSize or a larger input",
        ),
      );
    }
    return convOutputSize(size, {
      kernelSize: kernel,
      stride: axis === 1 ? strideH : strideW,
      padding,
      dilation,
    });
  };
  return [inShape[0] ?? null, outputSize(1), outputSize(2)];
}

/**
 * The output shape of a 2-D convolution; run-time twin of the type `Conv2dOutput`.
 *
 * @param inShape - `[N, H, W, C]`
 * @param options - `filters` plus the window options
 * @returns `[N, H', W', filters]`
 * @example
 * ```ts
 * conv2dOutputShape([null, 224, 224, 3], { filters: 64, kernelSize: 7, strides: 2, padding: 3 });
 * // [null, 112, 112, 64]
 * ```
 */
export function conv2dOutputShape(
  inShape: RuntimeShape,
  options: WindowOptions & { filters: number },
  api = 'conv2d',
): [number | null, number, number, number] {
  return [...windowOutputShape(api, inShape, options), options.filters];
}

/**
 * The output shape of a 2-D pooling window (channels unchanged); run-time twin of `Pool2dOutput`.
 * A numeric padding must be at most half the pool size (PyTorch's rule).
 *
 * @param inShape - `[N, H, W, C]`
 * @param options - `poolSize`, `strides` (default = `poolSize`), `padding`
 * @returns `[N, H', W', C]` (`null` where unknown)
 * @example
 * ```ts
 * pool2dOutputShape([null, 112, 112, 64], { poolSize: 3, strides: 2, padding: 1 }, 'maxPool2d');
 * // [null, 56, 56, 64]
 * ```
 */
export function pool2dOutputShape(
  inShape: RuntimeShape,
  options: { poolSize: PairOption; strides?: PairOption; padding?: Padding },
  api = 'pool2d',
): [number | null, number, number, number | null] {
  const { poolSize, strides = poolSize, padding = 'valid' } = options;
  if (typeof padding === 'number') {
    const [poolH, poolW] = pair(poolSize);
    if (2 * padding > Math.min(poolH, poolW)) {
      throw new ShapeError(
        shapeErrorMessage(
          api,
          `padding must be at most half the pool size, but got padding ${padding} for poolSize ${formatPair(poolSize)}`,
          `use padding ≤ ${Math.floor(Math.min(poolH, poolW) / 2)}`,
        ),
      );
    }
  }
  const spatial = windowOutputShape(api, inShape, { kernelSize: poolSize, strides, padding });
  return [...spatial, inShape[3] ?? null]; // channels unchanged; unknown stays unknown
}
