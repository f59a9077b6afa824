import * as tf from '@tensorflow/tfjs-core';
// tfjs-layers registers its layer classes when it loads, and this module reads that registry as it
// loads; `tfl` below is used in types alone, which esbuild-based loaders (tsx, vite) drop, so the
// package is imported for its effect too: importing this module first (through ./engine or
// ./training alone) must work.
import '@tensorflow/tfjs-layers';
import * as tfl from '@tensorflow/tfjs-layers';
import type { Shape } from '@residual/shapes';
import { multiplyAdd } from '../../engine/ops/multiply-add.js';
import { applyLayer } from './apply-layer.js';
import { batchNormTraining } from './batch-norm-training.js';
import { layerWeight } from './layer-weight.js';
import { layerName } from './scope.js';
import { stockLayerClass } from './stock-layer-class.js';
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

type StockBatchNormalization = ReturnType<typeof tfl.layers.batchNormalization>;
type BatchNormalizationArgs = NonNullable<Parameters<typeof tfl.layers.batchNormalization>[0]>;
type CallArguments = Parameters<StockBatchNormalization['call']>;
type StockBatchNormalizationClass = (new (args: BatchNormalizationArgs) => StockBatchNormalization) &
  tf.serialization.SerializableConstructor<StockBatchNormalization>;

/**
 * tfjs-layers' `BatchNormalization` whose training mode runs through {@link batchNormTraining}
 * (its gradient written out: about half the kernel calls), with the same weights and the same
 * running-average rule (running ← running − (running − batch) · (1 − momentum)). Inference mode is
 * the stock layer's. A registered layer class of its own (`ResidualBatchNormalization` in a
 * model's config, summary and saved topology), so nothing else's batch norm changes.
 *
 * @example
 * ```ts
 * const bn = new ResidualBatchNormalization({ axis: -1, momentum: 0.9, epsilon: 1e-5 });
 * bn.apply(tf.randomNormal([8, 4, 4, 16]), { training: true }); // batch statistics, written-out gradient
 * ```
 */
export class ResidualBatchNormalization extends stockLayerClass<StockBatchNormalizationClass>('BatchNormalization', 'batchNorm') {
  static override readonly className = 'ResidualBatchNormalization';
  /** Keras's momentum and the epsilon, as given (the stock layer keeps its copies private). */
  private readonly runningMomentum: number;
  private readonly varianceEpsilon: number;

  constructor(args: BatchNormalizationArgs) {
    super(args);
    const config = this.getConfig();
    this.runningMomentum = config['momentum'] as number;
    this.varianceEpsilon = config['epsilon'] as number;
  }

  override call(...[inputs, kwargs]: CallArguments): tf.Tensor | tf.Tensor[] {
    if (kwargs['training'] !== true) return super.call(inputs, kwargs);
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs; // [N, H, W, C]
      if (x === undefined) throw new Error(`batchNorm: layer ${this.name} must get one input, but got none.`);
      const gamma = layerWeight(this, 'gamma', 'batchNorm').read() as tf.Tensor1D;
      const beta = layerWeight(this, 'beta', 'batchNorm').read() as tf.Tensor1D;
      const { y, mean, variance } = batchNormTraining(x, gamma, beta, this.varianceEpsilon);
      for (const [name, batch] of [['moving_mean', mean], ['moving_variance', variance]] as const) {
        const running = layerWeight(this, name, 'batchNorm');
        const momentum = this.runningMomentum;
        running.write(multiplyAdd(running.read(), momentum, tf.mul(batch, 1 - momentum))); // = running − (running − batch)·(1 − momentum)
      }
      tf.dispose([mean, variance]);
      return y;
    });
  }
}

tf.serialization.registerClass(ResidualBatchNormalization);

/** The class names of batch-norm layers: tfjs-layers' own and {@link ResidualBatchNormalization}. */
const batchNormClassNames: ReadonlySet<string> = new Set(['BatchNormalization', ResidualBatchNormalization.className]);

/**
 * True for a batch-norm layer, tfjs-layers' own or the library's ({@link ResidualBatchNormalization}).
 *
 * @param layer - a layer, or its class name (`layer.getClassName()`)
 * @example
 * ```ts
 * model.layers.filter(isBatchNormLayer).length; // 19 in ResNet-18 (with the projections' BNs)
 * ```
 */
export function isBatchNormLayer(layer: tfl.layers.Layer | string): boolean {
  return batchNormClassNames.has(typeof layer === 'string' ? layer : layer.getClassName());
}

/**
 * Batch normalisation over the channel axis (the last, NHWC). γ starts at 1 and β at 0
 * (torchvision). γ and β are trainable; the running mean and variance are weights too, but not
 * trainable: `countParams` reports them apart. In training mode it normalizes with the batch's
 * statistics through {@link batchNormTraining}, whose gradient is written out
 * ({@link ResidualBatchNormalization}).
 *
 * @param x - `[N, H, W, C]` (any rank; normalises the last axis)
 * @returns the same shape
 * @example
 * ```ts
 * const y = batchNorm(conv2d(x, { filters: 64, kernelSize: 3, padding: 1, useBias: false }));
 * ```
 */
export function batchNorm<InShape extends Shape>(x: Sym<InShape>, options: BatchNormOptions = {}): Sym<InShape> {
  const { momentum = 0.9, epsilon = 1e-5 } = options;
  const name = layerName('batch_norm', options.name);
  const layer = new ResidualBatchNormalization({ axis: -1, momentum, epsilon, gammaInitializer: 'ones', betaInitializer: 'zeros', name });
  return applyLayer(layer, x);
}
