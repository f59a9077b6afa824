import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { Shape } from '@residual/shapes';
import { applyLayer } from './apply-layer.js';
import { multiplyAdd } from '../ops/multiply-add.js';
import { batchNormTraining } from './batch-norm-training.js';
import { layerWeight } from './layer-weight.js';
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
 * Makes a tfjs-layers BatchNormalization layer run training mode through
 * {@link batchNormTraining} (its gradient written out: about half the kernel calls), with the same
 * weights and the same running-average rule (running ← running − (running − batch) · (1 − momentum)).
 * Inference mode, the layer's class, config and weights are unchanged, so checkpoints and summaries are too.
 */
function trainWithWrittenGradient(layer: tfl.layers.Layer, momentum: number, epsilon: number): void {
  const inference = layer.call.bind(layer);
  layer.call = (inputs, kwargs) => {
    if (kwargs['training'] !== true) return inference(inputs, kwargs);
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs; // [N, H, W, C]
      if (x === undefined) throw new Error(`batchNorm: layer ${layer.name} must get one input, but got none.`);
      const gamma = layerWeight('batchNorm', layer, 'gamma').read() as tf.Tensor1D;
      const beta = layerWeight('batchNorm', layer, 'beta').read() as tf.Tensor1D;
      const { y, mean, variance } = batchNormTraining(x, gamma, beta, epsilon);
      for (const [name, batch] of [['moving_mean', mean], ['moving_variance', variance]] as const) {
        const running = layerWeight('batchNorm', layer, name);
        running.write(multiplyAdd(running.read(), momentum, tf.mul(batch, 1 - momentum))); // = running − (running − batch)·(1 − momentum)
      }
      tf.dispose([mean, variance]);
      return y;
    });
  };
}

/**
 * Batch normalisation over the channel axis (the last, NHWC). γ starts at 1 and β at 0
 * (torchvision). γ and β are trainable; the running mean and variance are weights too, but not
 * trainable: `countParams` reports them apart. In training mode it normalizes with the batch's
 * statistics through {@link batchNormTraining}, whose gradient is written out.
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
  const momentum = options.momentum ?? 0.9;
  const epsilon = options.epsilon ?? 1e-5;
  const layer = tfl.layers.batchNormalization({ axis: -1, momentum, epsilon, gammaInitializer: 'ones', betaInitializer: 'zeros', name });
  trainWithWrittenGradient(layer, momentum, epsilon);
  return applyLayer(layer, x);
}
