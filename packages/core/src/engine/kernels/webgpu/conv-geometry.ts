import type { backend_util } from '@tensorflow/tfjs-core';

/** The integers that fix an NHWC convolution, baked into the generated shaders as constants. */
export interface ConvGeometry {
  readonly batch: number;
  readonly inHeight: number;
  readonly inWidth: number;
  readonly inChannels: number;
  readonly outHeight: number;
  readonly outWidth: number;
  readonly outChannels: number;
  readonly filterHeight: number;
  readonly filterWidth: number;
  readonly strideHeight: number;
  readonly strideWidth: number;
  readonly padTop: number;
  readonly padLeft: number;
}

/**
 * Reads the geometry of a convolution from TF.js's `Conv2DInfo`, or says why Residual's WebGPU
 * kernels do not handle it (the stock kernel runs instead).
 *
 * @param info - from `backend_util.computeConv2DInfo`.
 * @returns the geometry, or a one-line reason it is not supported.
 * @example
 * const geometry = convGeometry(tf.backend_util.computeConv2DInfo([2, 8, 8, 4], [3, 3, 4, 8], 1, 1, 'same'));
 */
export function convGeometry(info: backend_util.Conv2DInfo): ConvGeometry | string {
  if (info.dataFormat !== 'channelsLast') return 'channels-first layout';
  if (info.dilationHeight !== 1 || info.dilationWidth !== 1) return 'dilation';
  return {
    batch: info.batchSize,
    inHeight: info.inHeight,
    inWidth: info.inWidth,
    inChannels: info.inChannels,
    outHeight: info.outHeight,
    outWidth: info.outWidth,
    outChannels: info.outChannels,
    filterHeight: info.filterHeight,
    filterWidth: info.filterWidth,
    strideHeight: info.strideHeight,
    strideWidth: info.strideWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
}

/** The geometry as a list, for shader keys. */
export function geometryKey(geometry: ConvGeometry): number[] {
  return Object.values(geometry) as number[];
}

/**
 * WGSL `const` declarations of a geometry: `BATCH`, `IN_H`, `IN_W`, `IN_C`, `OUT_H`, `OUT_W`,
 * `OUT_C`, `K_H`, `K_W` (filter), `S_H`, `S_W` (strides), `P_T`, `P_L` (padding before).
 *
 * @param geometry - the convolution.
 * @returns WGSL source.
 * @example
 * geometryConstants(geometry); // 'const BATCH: i32 = 2;\nconst IN_H: i32 = 8; …'
 */
export function geometryConstants(geometry: ConvGeometry): string {
  const g = geometry;
  const pairs: Array<[string, number]> = [
    ['BATCH', g.batch],
    ['IN_H', g.inHeight],
    ['IN_W', g.inWidth],
    ['IN_C', g.inChannels],
    ['OUT_H', g.outHeight],
    ['OUT_W', g.outWidth],
    ['OUT_C', g.outChannels],
    ['K_H', g.filterHeight],
    ['K_W', g.filterWidth],
    ['S_H', g.strideHeight],
    ['S_W', g.strideWidth],
    ['P_T', g.padTop],
    ['P_L', g.padLeft],
  ];
  return pairs.map(([name, value]) => `const ${name}: i32 = ${value};`).join('\n');
}
