/**
 * Lesson 2, exercise 3: the spread of per-block gradient norms as the depth alone changes — the
 * default settings of `grad-norms` with only `blocks` varied, so nothing else mixes in.
 */
import { buildStack, gradientNorms, spread, type GradNormConfig } from './grad-norms.js';

/** The spread (largest ÷ smallest block gradient norm) of both twins at one depth. */
export interface DepthSpread {
  blocks: number;
  plain: number;
  residual: number;
}

/**
 * Measures {@link spread} for the plain and the residual stack at each depth, at initialization,
 * on one seeded batch; every other setting is `base`'s.
 *
 * @param base - the configuration whose `blocks` is replaced
 * @param depths - the numbers of blocks to try
 * @returns one row per depth
 * @example
 * await depthSweep(gradNormConfig(resolveLiveSettings(gradNorms, 'full')), [4, 8]); // [{ blocks: 4, plain: 2.6, residual: 2.0 }, …]
 */
export async function depthSweep(base: GradNormConfig, depths: readonly number[]): Promise<DepthSpread[]> {
  const rows: DepthSpread[] = [];
  for (const blocks of depths) {
    const config = { ...base, blocks };
    const measure = async (kind: 'plain' | 'residual'): Promise<number> => {
      const model = buildStack(config, kind);
      try {
        return spread(await gradientNorms(model, config));
      } finally {
        model.dispose();
      }
    };
    rows.push({ blocks, plain: await measure('plain'), residual: await measure('residual') });
  }
  return rows;
}
