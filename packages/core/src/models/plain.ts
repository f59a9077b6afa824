import { buildResNet } from './build-resnet.js';
import type { ResNetModel, ResNetOptions } from './resnet-model.js';
import { resnetSpecs } from './resnet-spec.js';

// The plain twins: the same layers without any shortcut (the paper's "plain" baselines,
// figure 4 and figure 6), for the ablation that shows what the shortcut buys.

/**
 * Plain-18: ResNet-18 without shortcuts.
 * @example
 * ```ts
 * const model = plain18({ numClasses: 10, inputShape: [64, 64, 3] });
 * ```
 */
export function plain18(options: ResNetOptions = {}): ResNetModel {
  return buildResNet('plain18', resnetSpecs.plain18, options);
}

/**
 * Plain-34: ResNet-34 without shortcuts (the paper's figure 4, left).
 * @example
 * ```ts
 * const model = plain34();
 * ```
 */
export function plain34(options: ResNetOptions = {}): ResNetModel {
  return buildResNet('plain34', resnetSpecs.plain34, options);
}

/**
 * Plain-20: CIFAR ResNet-20 without shortcuts.
 * @example
 * ```ts
 * const model = plain20({ seed: 7 });
 * ```
 */
export function plain20(options: ResNetOptions = {}): ResNetModel {
  return buildResNet('plain20', resnetSpecs.plain20, options);
}

/**
 * Plain-32: CIFAR ResNet-32 without shortcuts.
 * @example
 * ```ts
 * const model = plain32({ seed: 7 });
 * ```
 */
export function plain32(options: ResNetOptions = {}): ResNetModel {
  return buildResNet('plain32', resnetSpecs.plain32, options);
}

/**
 * Plain-44: CIFAR ResNet-44 without shortcuts.
 * @example
 * ```ts
 * const model = plain44({ seed: 7 });
 * ```
 */
export function plain44(options: ResNetOptions = {}): ResNetModel {
  return buildResNet('plain44', resnetSpecs.plain44, options);
}

/**
 * Plain-56: CIFAR ResNet-56 without shortcuts (the paper's figure 6: deeper plain nets train worse).
 * @example
 * ```ts
 * const model = plain56({ seed: 7 });
 * ```
 */
export function plain56(options: ResNetOptions = {}): ResNetModel {
  return buildResNet('plain56', resnetSpecs.plain56, options);
}

/**
 * Plain-110: CIFAR ResNet-110 without shortcuts.
 * @example
 * ```ts
 * const model = plain110({ seed: 7 });
 * ```
 */
export function plain110(options: ResNetOptions = {}): ResNetModel {
  return buildResNet('plain110', resnetSpecs.plain110, options);
}

/**
 * ResNet-18 with a 3×3 stem for CIFAR-10 ({@link cifarResnet18}) without shortcuts: the other half
 * of the experiment of removing the shortcuts.
 * @example
 * ```ts
 * const model = cifarPlain18({ seed: 7 });
 * ```
 */
export function cifarPlain18(options: ResNetOptions = {}): ResNetModel {
  return buildResNet('cifarPlain18', resnetSpecs.cifarPlain18, options);
}
