import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadLiveExamples, type LiveRegistry } from '../live-registry.js';

/**
 * The ids of the live examples registered in `examples/live.ts` (`export const liveExamples`),
 * or none when the file does not exist yet. Needs a TypeScript loader (tsx or vitest).
 *
 * @param examplesDir - the `examples/` folder.
 * @example
 * await liveIds('…/examples'); // ['identity-start', 'grad-norms', …]
 */
export async function liveIds(examplesDir: string): Promise<string[]> {
  const file = join(examplesDir, 'live.ts');
  if (!existsSync(file)) return [];
  const module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { liveExamples?: LiveRegistry };
  if (module.liveExamples === undefined) {
    throw new Error("liveIds: examples/live.ts must export `liveExamples` (a record of loaders by id: `'my-live': () => import('./…').then((module) => module.myLive)`), but it does not. Add the export.");
  }
  return (await loadLiveExamples(module.liveExamples)).map((example) => example.id);
}
