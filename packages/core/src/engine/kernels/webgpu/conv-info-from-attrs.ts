import * as tf from '@tensorflow/tfjs-core';
import type { NamedAttrMap } from '@tensorflow/tfjs-core';

type Shape4 = [number, number, number, number];

/**
 * The geometry TF.js computes for a convolution kernel call, read from the call's attributes
 * (`strides`, `dilations` — 1 when absent, as in both gradient kernels — `pad`, `dimRoundingMode`,
 * `dataFormat`). One place for the three WebGPU convolution kernels.
 *
 * @param inShape - the convolution's input `[N, H, W, C]` (or NCHW, per `dataFormat`).
 * @param filterShape - `[KH, KW, C, C′]`.
 * @param attrs - the kernel call's attributes.
 * @returns TF.js's `Conv2DInfo` (output shape, padding, strides, …).
 * @example
 * const info = convInfoFromAttrs([2, 8, 8, 4], [3, 3, 4, 8], { strides: 2, pad: 'same', dataFormat: 'NHWC' });
 * info.outShape; // [2, 4, 4, 8]
 */
export function convInfoFromAttrs(
  inShape: readonly number[],
  filterShape: readonly number[],
  attrs: NamedAttrMap,
): tf.backend_util.Conv2DInfo {
  return tf.backend_util.computeConv2DInfo(
    inShape as Shape4,
    filterShape as Shape4,
    attrs['strides'] as number | [number, number],
    (attrs['dilations'] as number | [number, number] | undefined) ?? 1,
    attrs['pad'] as 'same' | 'valid' | number,
    attrs['dimRoundingMode'] as 'floor' | 'round' | 'ceil' | undefined,
    false,
    tf.backend_util.convertConv2DDataFormat((attrs['dataFormat'] as 'NHWC' | 'NCHW' | undefined) ?? 'NHWC'),
  );
}
