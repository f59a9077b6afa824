import { buildResNet } from './build-resnet.js';
import type { ResNetModel, ResNetOptions } from './resnet-model.js';
import { resnetSpecs } from './resnet-spec.js';

// The CIFAR-10 ResNets of the paper (section 4.2): a 3×3 stem with 16 filters, three stages of
// n basic blocks at 16, 32, 64 filters (32×32, 16×16, 8×8), global average pool, 10-way fc;
// 6n + 2 layers. The paper's shortcuts on CIFAR are option A (identity with stride-2 subsampling
// and zero-padded extra channels, no parameters): `resnet20a` … `resnet110a`, which have exactly
// the parameters of their plain twins, as the paper says (§4.2). `resnet20` … `resnet110` use
// projections (1×1 conv + BN, option B, as torchvision's ImageNet ResNets do), which adds 2,752
// parameters to every model (two projections: 16→32 and 32→64).

/**
 * ResNet-20 for CIFAR-10 (n = 3) with projection shortcuts (option B): 272,474 parameters,
 * 2,752 more than the paper's 0.27 M ({@link resnet20a}).
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
 * ResNet-32 for CIFAR-10 (n = 5) with projection shortcuts (option B): ≈ 0.47 M parameters.
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
 * ResNet-44 for CIFAR-10 (n = 7) with projection shortcuts (option B): ≈ 0.66 M parameters.
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
 * ResNet-56 for CIFAR-10 (n = 9) with projection shortcuts (option B): ≈ 0.86 M parameters
 * (the paper's 0.85 M is {@link resnet56a}).
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
 * ResNet-110 for CIFAR-10 (n = 18) with projection shortcuts (option B): ≈ 1.7 M parameters.
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
 * The paper's ResNet-20 for CIFAR-10 (He et al. 2015, §4.2, table 6): option A shortcuts
 * (stride-2 subsampling, zero-padded channels, no parameters), so 269,722 parameters (0.27 M),
 * exactly those of {@link plain20}.
 *
 * @param options - numClasses (default 10), inputShape (default `[32, 32, 3]`), seed
 * @example
 * ```ts
 * countParams(resnet20a()).trainable === countParams(plain20()).trainable; // true
 * ```
 */
export function resnet20a(options: ResNetOptions = {}): ResNetModel {
  return buildResNet('resnet20a', resnetSpecs.resnet20a, options);
}

/**
 * The paper's ResNet-32 for CIFAR-10 (option A shortcuts): 0.46 M parameters, those of {@link plain32}.
 *
 * @example
 * ```ts
 * const model = resnet32a({ seed: 7 });
 * ```
 */
export function resnet32a(options: ResNetOptions = {}): ResNetModel {
  return buildResNet('resnet32a', resnetSpecs.resnet32a, options);
}

/**
 * The paper's ResNet-44 for CIFAR-10 (option A shortcuts): 0.66 M parameters, those of {@link plain44}.
 *
 * @example
 * ```ts
 * const model = resnet44a({ seed: 7 });
 * ```
 */
export function resnet44a(options: ResNetOptions = {}): ResNetModel {
  return buildResNet('resnet44a', resnetSpecs.resnet44a, options);
}

/**
 * The paper's ResNet-56 for CIFAR-10 (option A shortcuts): 0.85 M parameters, those of {@link plain56}.
 *
 * @example
 * ```ts
 * const model = resnet56a({ seed: 7 });
 * ```
 */
export function resnet56a(options: ResNetOptions = {}): ResNetModel {
  return buildResNet('resnet56a', resnetSpecs.resnet56a, options);
}

/**
 * The paper's ResNet-110 for CIFAR-10 (option A shortcuts): 1.7 M parameters, those of {@link plain110}.
 *
 * @example
 * ```ts
 * const model = resnet110a({ seed: 7 });
 * ```
 */
export function resnet110a(options: ResNetOptions = {}): ResNetModel {
  return buildResNet('resnet110a', resnetSpecs.resnet110a, options);
}

/**
 * Pre-activation ResNet-20 for CIFAR-10 (He et al. 2016, "Identity Mappings in Deep Residual
 * Networks"): {@link preactBlock}s (BN → ReLU → conv, twice; no ReLU after the add), a 3×3 stem
 * conv alone, and one more BN + ReLU before pooling. Shortcuts are option A (zero-pad) as in
 * {@link resnet20a}, so the two differ only in the order inside the blocks, and have exactly the
 * same 269,722 parameters (each batch norm moves: a stage's first bn1 normalizes the narrower
 * input, and the final BN takes the place of the stem's).
 *
 * @param options - numClasses (default 10), inputShape (default `[32, 32, 3]`), seed
 * @example
 * ```ts
 * const model = preactResnet20({ seed: 7 });
 * model.predict(tf.zeros([8, 32, 32, 3])).shape; // [8, 10]
 * ```
 */
export function preactResnet20(options: ResNetOptions = {}): ResNetModel {
  return buildResNet('preactResnet20', resnetSpecs.preactResnet20, options);
}

/**
 * Pre-activation ResNet-56 for CIFAR-10 (n = 9), option A shortcuts: see {@link preactResnet20}.
 *
 * @example
 * ```ts
 * const model = preactResnet56({ seed: 7 });
 * ```
 */
export function preactResnet56(options: ResNetOptions = {}): ResNetModel {
  return buildResNet('preactResnet56', resnetSpecs.preactResnet56, options);
}

/**
 * Pre-activation ResNet-110 for CIFAR-10 (n = 18), option A shortcuts (the paper's table 2 network
 * "ResNet-110, full pre-activation": 6.37 % error): see {@link preactResnet20}.
 *
 * @example
 * ```ts
 * const model = preactResnet110({ seed: 7 });
 * ```
 */
export function preactResnet110(options: ResNetOptions = {}): ResNetModel {
  return buildResNet('preactResnet110', resnetSpecs.preactResnet110, options);
}

/**
 * ResNet-18 with a 3×3 stem for CIFAR-10: ResNet-18's four stages (64…512 filters, `[2, 2, 2, 2]`) on a
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
