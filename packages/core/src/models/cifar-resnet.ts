import { buildResNet } from './build-resnet.js';
import type { ResNetModel, ResNetOptions } from './resnet-model.js';
import { resnetSpecs } from './resnet-spec.js';

// The CIFAR-10 ResNets of the paper (section 4.2): a 3×3 stem with 16 filters, three stages of
// n basic blocks at 16, 32, 64 filters (32×32, 16×16, 8×8), global average pool, 10-way fc;
// 6n + 2 layers. The paper's shortcuts on CIFAR are option A (identity with zero-padded extra
// channels, no parameters); ours are projections (1×1 conv + BN, option B), which adds 2,752
// parameters to every model (two projections: 16→32 and 32→64).

/**
 * ResNet-20 for CIFAR-10 (n = 3): ≈ 0.27 M parameters.
 *
 * @param options - numClasses (default 10), inputShape (default `[32, 32, 3]`), seed
 * @example
 * ```ts
 * const model = resnet20({ seed: 7 });
 * model.predict(tf.zeros([8, 32, 32, 3])).shape; // [8, 10]
 * ```
 */
export function resnet20(options: ResNetOptions = {}): ResNetModel {
  return buildResNet('resnet20', resnetSpecs.resnet20, options);
}

/**
 * ResNet-32 for CIFAR-10 (n = 5): ≈ 0.46 M parameters.
 *
 * @example
 * ```ts
 * const model = resnet32({ seed: 7 });
 * ```
 */
export function resnet32(options: ResNetOptions = {}): ResNetModel {
  return buildResNet('resnet32', resnetSpecs.resnet32, options);
}

/**
 * ResNet-44 for CIFAR-10 (n = 7): ≈ 0.66 M parameters.
 *
 * @example
 * ```ts
 * const model = resnet44({ seed: 7 });
 * ```
 */
export function resnet44(options: ResNetOptions = {}): ResNetModel {
  return buildResNet('resnet44', resnetSpecs.resnet44, options);
}

/**
 * ResNet-56 for CIFAR-10 (n = 9): ≈ 0.85 M parameters.
 *
 * @example
 * ```ts
 * const model = resnet56({ seed: 7 });
 * ```
 */
export function resnet56(options: ResNetOptions = {}): ResNetModel {
  return buildResNet('resnet56', resnetSpecs.resnet56, options);
}

/**
 * ResNet-110 for CIFAR-10 (n = 18): ≈ 1.7 M parameters.
 *
 * @example
 * ```ts
 * const model = resnet110({ seed: 7 });
 * ```
 */
export function resnet110(options: ResNetOptions = {}): ResNetModel {
  return buildResNet('resnet110', resnetSpecs.resnet110, options);
}

/**
 * The seeds' CIFAR ResNet-18: ResNet-18's four stages (64…512 filters, `[2, 2, 2, 2]`) on a
 * 3×3 stem without max-pool, for 32×32 images — the layout most CIFAR-10 training recipes use
 * (≈ 11.2 M parameters).
 *
 * @example
 * ```ts
 * const model = cifarResnet18({ seed: 7 });
 * ```
 */
export function cifarResnet18(options: ResNetOptions = {}): ResNetModel {
  return buildResNet('cifarResnet18', resnetSpecs.cifarResnet18, options);
}
