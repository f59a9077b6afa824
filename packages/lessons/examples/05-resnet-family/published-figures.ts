/**
 * Published reference figures the lesson compares the library's own counts with. These are
 * citations, not results: every number the lesson derives is computed from the built models.
 */

/** The five ImageNet ResNets, in order of depth. */
export const family = ['resnet18', 'resnet34', 'resnet50', 'resnet101', 'resnet152'] as const;

/** One of {@link family}. */
export type FamilyName = (typeof family)[number];

/**
 * torchvision's model documentation (`torchvision.models`, weights `IMAGENET1K_V1`): parameters and
 * "GFLOPS" (which count multiply-accumulates) at 224×224, 1,000 classes.
 */
export const torchvision: Readonly<Record<FamilyName, { params: number; gmacs: number }>> = {
  resnet18: { params: 11_689_512, gmacs: 1.814 },
  resnet34: { params: 21_797_672, gmacs: 3.664 },
  resnet50: { params: 25_557_032, gmacs: 4.089 },
  resnet101: { params: 44_549_160, gmacs: 7.801 },
  resnet152: { params: 60_192_808, gmacs: 11.514 },
};

/** He et al., "Deep Residual Learning for Image Recognition" (2015), Table 1: "FLOPs" (multiply-adds), ×10⁹. */
export const paperGflops: Readonly<Record<FamilyName, number>> = {
  resnet18: 1.8,
  resnet34: 3.6,
  resnet50: 3.8,
  resnet101: 7.6,
  resnet152: 11.3,
};
