// The public builders, one per registered architecture: two lines each around the architecture's
// data (resnetSpecs in ./resnet.ts, where the model is defined). Each returns
// `BuiltModel<name, Options>`, the shapes the compiler computed: `resnet50()` is a
// `ResNetModel<[number, 224, 224, 3], [number, 1000]>`. (The return types are inferred from
// buildResNet: written out, tsc would compare two copies of that type in every builder, which
// costs 29,000 type instantiations in every program that imports the library.)
import type { ResNetOptions } from './resnet-model.js';
import { buildResNet } from './resnet.js';

// ─── ImageNet: He et al. 2015, table 1; torchvision's resnet18 … resnet152 ─────────────────────

/**
 * ResNet-18 (He et al. 2015, table 1; torchvision's `resnet18`): basic blocks `[2, 2, 2, 2]`,
 * 11,689,512 trainable parameters and 1.81 G multiply-accumulates at 224×224 with 1000 classes.
 *
 * @param options - numClasses (default 1000), inputShape (default `[224, 224, 3]`), seed
 * @example
 * ```ts
 * const model = resnet18({ numClasses: 10, inputShape: [64, 64, 3], seed: 1 });
 * model.predict(tf.zeros([2, 64, 64, 3])).shape; // [2, 10]
 * ```
 */
export function resnet18<const Options extends ResNetOptions = Record<never, never>>(options?: Options) {
  return buildResNet('resnet18', options);
}

/**
 * ResNet-34: basic blocks `[3, 4, 6, 3]`; 21,797,672 parameters, 3.66 G MACs at 224×224.
 *
 * @example
 * ```ts
 * const model = resnet34({ seed: 1 });
 * ```
 */
export function resnet34<const Options extends ResNetOptions = Record<never, never>>(options?: Options) {
  return buildResNet('resnet34', options);
}

/**
 * ResNet-50: bottlenecks `[3, 4, 6, 3]` (stride on the 3×3 conv, torchvision's v1.5);
 * 25,557,032 parameters, 4.09 G MACs at 224×224 (the paper's v1 has 3.8 G).
 *
 * @example
 * ```ts
 * const model = resnet50();
 * type Logits = ShapeOf<typeof model.output>; // [number, 1000]: the compiler followed every layer
 * console.log(summary(model));
 * ```
 */
export function resnet50<const Options extends ResNetOptions = Record<never, never>>(options?: Options) {
  return buildResNet('resnet50', options);
}

/**
 * ResNet-101: bottlenecks `[3, 4, 23, 3]`; 44,549,160 parameters, 7.80 G MACs at 224×224.
 *
 * @example
 * ```ts
 * const model = resnet101({ numClasses: 100 });
 * ```
 */
export function resnet101<const Options extends ResNetOptions = Record<never, never>>(options?: Options) {
  return buildResNet('resnet101', options);
}

/**
 * ResNet-152: bottlenecks `[3, 8, 36, 3]`; 60,192,808 parameters, 11.5 G MACs at 224×224.
 *
 * @example
 * ```ts
 * const model = resnet152();
 * model.dispose(); // ~60 M weights: free them when done
 * ```
 */
export function resnet152<const Options extends ResNetOptions = Record<never, never>>(options?: Options) {
  return buildResNet('resnet152', options);
}

// ─── CIFAR-10 ──────────────────────────────────────────────────────────────────────────────────

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
export function resnet20<const Options extends ResNetOptions = Record<never, never>>(options?: Options) {
  return buildResNet('resnet20', options);
}

/**
 * ResNet-32 for CIFAR-10 (n = 5) with projection shortcuts (option B): ≈ 0.47 M parameters.
 *
 * @example
 * ```ts
 * const model = resnet32({ seed: 7 });
 * ```
 */
export function resnet32<const Options extends ResNetOptions = Record<never, never>>(options?: Options) {
  return buildResNet('resnet32', options);
}

/**
 * ResNet-44 for CIFAR-10 (n = 7) with projection shortcuts (option B): ≈ 0.66 M parameters.
 *
 * @example
 * ```ts
 * const model = resnet44({ seed: 7 });
 * ```
 */
export function resnet44<const Options extends ResNetOptions = Record<never, never>>(options?: Options) {
  return buildResNet('resnet44', options);
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
export function resnet56<const Options extends ResNetOptions = Record<never, never>>(options?: Options) {
  return buildResNet('resnet56', options);
}

/**
 * ResNet-110 for CIFAR-10 (n = 18) with projection shortcuts (option B): ≈ 1.7 M parameters.
 *
 * @example
 * ```ts
 * const model = resnet110({ seed: 7 });
 * ```
 */
export function resnet110<const Options extends ResNetOptions = Record<never, never>>(options?: Options) {
  return buildResNet('resnet110', options);
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
export function resnet20a<const Options extends ResNetOptions = Record<never, never>>(options?: Options) {
  return buildResNet('resnet20a', options);
}

/**
 * The paper's ResNet-32 for CIFAR-10 (option A shortcuts): 0.46 M parameters, those of {@link plain32}.
 *
 * @example
 * ```ts
 * const model = resnet32a({ seed: 7 });
 * ```
 */
export function resnet32a<const Options extends ResNetOptions = Record<never, never>>(options?: Options) {
  return buildResNet('resnet32a', options);
}

/**
 * The paper's ResNet-44 for CIFAR-10 (option A shortcuts): 0.66 M parameters, those of {@link plain44}.
 *
 * @example
 * ```ts
 * const model = resnet44a({ seed: 7 });
 * ```
 */
export function resnet44a<const Options extends ResNetOptions = Record<never, never>>(options?: Options) {
  return buildResNet('resnet44a', options);
}

/**
 * The paper's ResNet-56 for CIFAR-10 (option A shortcuts): 0.85 M parameters, those of {@link plain56}.
 *
 * @example
 * ```ts
 * const model = resnet56a({ seed: 7 });
 * ```
 */
export function resnet56a<const Options extends ResNetOptions = Record<never, never>>(options?: Options) {
  return buildResNet('resnet56a', options);
}

/**
 * The paper's ResNet-110 for CIFAR-10 (option A shortcuts): 1.7 M parameters, those of {@link plain110}.
 *
 * @example
 * ```ts
 * const model = resnet110a({ seed: 7 });
 * ```
 */
export function resnet110a<const Options extends ResNetOptions = Record<never, never>>(options?: Options) {
  return buildResNet('resnet110a', options);
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
export function preactResnet20<const Options extends ResNetOptions = Record<never, never>>(options?: Options) {
  return buildResNet('preactResnet20', options);
}

/**
 * Pre-activation ResNet-56 for CIFAR-10 (n = 9), option A shortcuts: see {@link preactResnet20}.
 *
 * @example
 * ```ts
 * const model = preactResnet56({ seed: 7 });
 * ```
 */
export function preactResnet56<const Options extends ResNetOptions = Record<never, never>>(options?: Options) {
  return buildResNet('preactResnet56', options);
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
export function preactResnet110<const Options extends ResNetOptions = Record<never, never>>(options?: Options) {
  return buildResNet('preactResnet110', options);
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
export function cifarResnet18<const Options extends ResNetOptions = Record<never, never>>(options?: Options) {
  return buildResNet('cifarResnet18', options);
}

// The plain twins: the same layers without any shortcut (the paper's "plain" baselines,
// figure 4 and figure 6), for the ablation that shows what the shortcut buys.

/**
 * Plain-18: ResNet-18 without shortcuts.
 * @example
 * ```ts
 * const model = plain18({ numClasses: 10, inputShape: [64, 64, 3] });
 * ```
 */
export function plain18<const Options extends ResNetOptions = Record<never, never>>(options?: Options) {
  return buildResNet('plain18', options);
}

/**
 * Plain-34: ResNet-34 without shortcuts (the paper's figure 4, left).
 * @example
 * ```ts
 * const model = plain34();
 * ```
 */
export function plain34<const Options extends ResNetOptions = Record<never, never>>(options?: Options) {
  return buildResNet('plain34', options);
}

/**
 * Plain-20: CIFAR ResNet-20 without shortcuts.
 * @example
 * ```ts
 * const model = plain20({ seed: 7 });
 * ```
 */
export function plain20<const Options extends ResNetOptions = Record<never, never>>(options?: Options) {
  return buildResNet('plain20', options);
}

/**
 * Plain-32: CIFAR ResNet-32 without shortcuts.
 * @example
 * ```ts
 * const model = plain32({ seed: 7 });
 * ```
 */
export function plain32<const Options extends ResNetOptions = Record<never, never>>(options?: Options) {
  return buildResNet('plain32', options);
}

/**
 * Plain-44: CIFAR ResNet-44 without shortcuts.
 * @example
 * ```ts
 * const model = plain44({ seed: 7 });
 * ```
 */
export function plain44<const Options extends ResNetOptions = Record<never, never>>(options?: Options) {
  return buildResNet('plain44', options);
}

/**
 * Plain-56: CIFAR ResNet-56 without shortcuts (the paper's figure 6: deeper plain nets train worse).
 * @example
 * ```ts
 * const model = plain56({ seed: 7 });
 * ```
 */
export function plain56<const Options extends ResNetOptions = Record<never, never>>(options?: Options) {
  return buildResNet('plain56', options);
}

/**
 * Plain-110: CIFAR ResNet-110 without shortcuts.
 * @example
 * ```ts
 * const model = plain110({ seed: 7 });
 * ```
 */
export function plain110<const Options extends ResNetOptions = Record<never, never>>(options?: Options) {
  return buildResNet('plain110', options);
}

/**
 * ResNet-18 with a 3×3 stem for CIFAR-10 ({@link cifarResnet18}) without shortcuts: the other half
 * of the experiment of removing the shortcuts.
 * @example
 * ```ts
 * const model = cifarPlain18({ seed: 7 });
 * ```
 */
export function cifarPlain18<const Options extends ResNetOptions = Record<never, never>>(options?: Options) {
  return buildResNet('cifarPlain18', options);
}
