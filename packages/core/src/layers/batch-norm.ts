import * as tfl from '@tensorflow/tfjs-layers';
import type { Shape } from '@residual/shapes';
import { applyLayer } from './apply-layer.js';
import { layerName } from './scope.js';
import type { Sym } from './sym.js';

/** Options of {@link batchNorm}. */
export interface BatchNormOptions {
  /** running-average momentum in Keras's sense (default 0.9 = PyTorch's momentum 0.1) */
  momentum?: number;
  /** added to the variance (default 1e-5, as PyTorch) */
  epsilon?: number;
  /** layer name (default `batch_norm_<n>`) */
  name?: string;
}

/**
 * Batch normalisation over the channel axis (the last, NHWC). γ starts at 1 and β at 0
 * (torchvision). γ and β are trainable; the running mean and variance are weights too, but not
 * trainable: `countParams` reports them apart.
 *
 * @param x - `[N, H, W, C]` (any rank; normalises the last axis)
 * @returns the same shape
 * @example
 * ```ts
 * const y = batchNorm(conv2d(x, { filters: 64, kernelSize: 3, padding: 1, useBias: false }));
 * ```
 */
export function batchNorm<InShape extends Shape>(x: Sym<InShape>, options: BatchNormOptions = {}): Sym<InShape> {
  const name = layerName('batch_norm', options.name);
  const layer = tfl.layers.batchNormalization({
    axis: -1,
    momentum: options.momentum ?? 0.9,
    epsilon: options.epsilon ?? 1e-5,
    gammaInitializer: 'ones',
    betaInitializer: 'zeros',
    name,
  });
  return applyLayer(layer, x);
}
