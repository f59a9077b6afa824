/**
 * Lesson 2: how a product of many factors shrinks or grows.
 * Every number the lesson prints about compounding comes from these functions.
 */

// #region compound
/** The product of `factor` with itself `times` times: what a chain of equal factors multiplies to. */
export function compound(factor: number, times: number): number {
  let product = 1;
  for (let i = 0; i < times; i += 1) product *= factor;
  return product;
}

export const shrink = compound(0.99, 365); // a little less than 1, 365 times
export const grow = compound(1.01, 365); // a little more than 1, 365 times
// #endregion compound

// #region sigmoid
/** The logistic sigmoid σ(z) = 1 / (1 + e^−z). */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Its derivative: σ′(z) = σ(z) · (1 − σ(z)). */
export function sigmoidSlope(z: number): number {
  const s = sigmoid(z);
  return s * (1 - s);
}

/** The largest slope on a fine grid over [−10, 10]: where the sigmoid passes the most gradient. */
export function maxSigmoidSlope(): { at: number; slope: number } {
  let best = { at: Number.NaN, slope: -Infinity };
  for (let i = -10_000; i <= 10_000; i += 1) {
    const z = i / 1_000;
    const slope = sigmoidSlope(z);
    if (slope > best.slope) best = { at: z, slope };
  }
  return best;
}
// #endregion sigmoid

// #region chain
/** The best case for a chain of `layers` sigmoids: every slope at its maximum. */
export function bestSigmoidChain(layers: number): number {
  return compound(maxSigmoidSlope().slope, layers);
}
// #endregion chain
