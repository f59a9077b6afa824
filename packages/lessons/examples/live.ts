/**
 * The registry of live examples: every `<Live id="…" />` in a lesson names one of these. Each entry
 * loads its example's own file, so a page loads only the examples it shows; the site bundles every
 * file for the browser, so they import nothing Node-only. The TF.js backend is chosen by the caller
 * (the site in the browser, the tests in Node).
 */
import type { LiveRegistry } from '../src/live-registry.js';

/** Every live example: its id, and how to load it. */
export const liveExamples: LiveRegistry = {
  'identity-start': () => import('./01-residual-idea/identity-start.js').then((module) => module.identityStart),
  'grad-norms': () => import('./02-vanishing-gradients/grad-norms-live.js').then((module) => module.gradNorms),
  'bn-modes': () => import('./03-batch-norm/train-vs-eval.js').then((module) => module.bnModes),
  'fold-speed': () => import('./03-batch-norm/fold-speed-live.js').then((module) => module.foldSpeed),
  'ablation-tiny': () => import('./06-ablation/tiny-ablation.js').then((module) => module.ablationTiny),
  'init-scale': () => import('./08-initialization/init-scale-live.js').then((module) => module.initScale),
  'preact-gradients': () => import('./09-identity-mappings/stream-gradients-live.js').then((module) => module.preactGradients),
  'lesion-slice': () => import('./10-why-residual-networks-work/lesion-slice-live.js').then((module) => module.lesionSlice),
};
