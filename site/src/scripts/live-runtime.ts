// Loaded on the first press of a Run button: TF.js, the backend choice, and then the pressed live
// example's own module.
import { loadLiveExample, runLiveExample, type LiveExample } from '@residual/lessons';
import { liveExamples } from '@residual/lessons/live';

export { runLiveExample };
export { chooseBackend } from './backend-runtime.js';

/** The live example registered under `id` in `examples/live.ts`, loaded on demand (its own chunk). */
export function liveExample(id: string): Promise<LiveExample> {
  return loadLiveExample(liveExamples, id);
}
