/**
 * The registry of live examples: every `<Live id="…" />` in a lesson names one of these. The site
 * bundles this module for the browser, so it imports nothing Node-only; the TF.js backend is chosen
 * by the caller (the site in the browser, the tests in Node).
 */
import type { LiveExample } from '../src/live-types.js';
import { identityStart } from './01-residual-idea/identity-start.js';
import { gradNorms } from './02-vanishing-gradients/grad-norms-live.js';
import { foldSpeed } from './03-batch-norm/fold-speed-live.js';
import { bnModes } from './03-batch-norm/train-vs-eval.js';
import { ablationTiny } from './06-ablation/tiny-ablation.js';
import { initScale } from './08-initialization/init-scale-live.js';
import { preactGradients } from './09-identity-mappings/stream-gradients-live.js';
import { lesionSlice } from './10-why-residual-networks-work/lesion-slice-live.js';

/** Every live example, by id. */
export const liveExamples: Readonly<Record<string, LiveExample>> = {
  [identityStart.id]: identityStart,
  [gradNorms.id]: gradNorms,
  [bnModes.id]: bnModes,
  [foldSpeed.id]: foldSpeed,
  [ablationTiny.id]: ablationTiny,
  [initScale.id]: initScale,
  [preactGradients.id]: preactGradients,
  [lesionSlice.id]: lesionSlice,
};
