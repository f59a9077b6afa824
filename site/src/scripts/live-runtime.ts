// Loaded on the first press of a Run button: TF.js, the backend choice and the live examples.
import { findLiveExample, runLiveExample, type LiveExample } from '@residual/lessons';
import { liveExamples } from '@residual/lessons/live';

export { runLiveExample };
export { chooseBackend } from './backend-runtime.js';

/** The live example registered under `id` in `examples/live.ts`. */
export function liveExample(id: string): LiveExample {
  return findLiveExample(liveExamples, id);
}
