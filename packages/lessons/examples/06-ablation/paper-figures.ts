/**
 * Figures reported by He et al., "Deep Residual Learning for Image Recognition" (2015), quoted in
 * lesson 6. Citations, not measurements of this project.
 */

/** Table 6: CIFAR-10 test error (%) of the residual networks, as the paper reports them. */
export const paperTestError = {
  resnet20: 8.75,
  resnet56: 6.97,
} as const;

/** Section 4.2: the CIFAR-10 training ends at 64k iterations of batch 128. */
export const paperIterations = 64_000;
