/**
 * Figures reported by the papers the lessons quote: citations, not measurements of this project.
 * Each constant names its paper, table or section. Every number a lesson derives from them (a
 * difference, a ratio) is computed from these, and every number about the library's own models is
 * computed from the built models.
 */

/**
 * He et al., "Deep Residual Learning for Image Recognition" (2015), Table 6: CIFAR-10 test error (%)
 * and parameters (millions) of the residual networks (option A shortcuts). ResNet-110's error is
 * the best of 5 runs; the paper gives their mean ± std as 6.61 ± 0.16.
 */
export const cifarTable6 = {
  resnet20: { params: 0.27, error: 8.75 },
  resnet32: { params: 0.46, error: 7.51 },
  resnet44: { params: 0.66, error: 7.17 },
  resnet56: { params: 0.85, error: 6.97 },
  resnet110: { params: 1.7, error: 6.43, mean: 6.61, std: 0.16 },
  resnet1202: { params: 19.4, error: 7.93 },
} as const;

/** Table 6: CIFAR-10 test error (%) of the residual networks, as the paper reports them. */
export const paperTestError = {
  resnet20: cifarTable6.resnet20.error,
  resnet56: cifarTable6.resnet56.error,
} as const;

/** Section 4.2: the CIFAR-10 training ends at 64k iterations of batch 128. */
export const paperIterations = 64_000;

/** Section 4.2: the learning rate is divided by 10 at 32k and 48k iterations. */
export const paperMilestones = [32_000, 48_000] as const;

/**
 * He et al. 2015, Table 2: ImageNet top-1 error (%, 10-crop testing, validation set) of the 18- and
 * 34-layer plain networks and ResNets. The ResNets use option A, so "have no extra parameter
 * compared to their plain counterparts"; Figure 4 shows the training curves.
 */
export const imagenetTable2 = {
  plain18: 27.94,
  plain34: 28.54,
  resnet18: 27.88,
  resnet34: 25.03,
} as const;

/**
 * He et al. 2015, Table 3: ImageNet top-1 / top-5 error (%, 10-crop testing, validation set) of
 * plain-34 and ResNet-34 with the three shortcut options: A (zero-padding, no parameters),
 * B (projections where the shape changes), C (projections everywhere).
 */
export const shortcutOptionsTable3 = {
  plain34: { top1: 28.54, top5: 10.02 },
  A: { top1: 25.03, top5: 7.76 },
  B: { top1: 24.52, top5: 7.46 },
  C: { top1: 24.19, top5: 7.4 },
} as const;

/**
 * He et al., "Identity Mappings in Deep Residual Networks" (2016), Table 2: CIFAR-10 test error (%)
 * of ResNet-110 and ResNet-164 with the activations in five places (Fig. 4 of that paper); median
 * of 5 runs.
 */
export const activationTable2 = {
  original: { resnet110: 6.61, resnet164: 5.93 },
  bnAfterAddition: { resnet110: 8.17, resnet164: 6.5 },
  reluBeforeAddition: { resnet110: 7.84, resnet164: 6.14 },
  reluOnlyPreActivation: { resnet110: 6.71, resnet164: 5.91 },
  fullPreActivation: { resnet110: 6.37, resnet164: 5.46 },
} as const;

/**
 * He et al. 2016, Table 3: CIFAR-10 / CIFAR-100 test error (%) of the original and the
 * pre-activation unit at 1001 layers.
 */
export const preActivation1001Table3 = {
  cifar10: { original: 7.61, preActivation: 4.92 },
  cifar100: { original: 27.82, preActivation: 22.71 },
} as const;

/**
 * He et al. 2016, Table 1: CIFAR-10 test error (%) of ResNet-110 with other shortcuts on every unit
 * ("fail": above 20 %). Only the finished runs the lessons quote.
 */
export const shortcutTable1 = {
  original: 6.61,
  constantScalingHalf: 12.35,
  conv1x1Shortcut: 12.22,
} as const;

/**
 * Wu and He, "Group Normalization" (2018), abstract: on ResNet-50 trained on ImageNet with a batch
 * of 2 images, GN's error is 10.6 % lower than BN's.
 */
export const groupNormBatch2Gain = 10.6;

/**
 * Veit, Wilber and Belongie, "Residual Networks Behave Like Ensembles of Relatively Shallow
 * Networks" (2016), abstract: most of the gradient in a 110-layer ResNet comes from paths 10–34
 * layers deep (5–17 residual blocks of two layers).
 */
export const veitEffectivePaths = { fromLayers: 10, toLayers: 34, network: 110 } as const;
