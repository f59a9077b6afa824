import type { LiveExample } from './live-types.js';

/**
 * How `examples/live.ts` registers its examples: a loader per id, each a dynamic `import()` of the
 * example's own file, so that a page loads only the examples it shows (the site bundles each one
 * as its own chunk).
 */
export type LiveRegistry = Readonly<Record<string, () => Promise<LiveExample>>>;

/**
 * Loads one live example by id, checking that the loaded example carries that id, or fails naming
 * the ids that exist.
 *
 * @param registry - `liveExamples` from `examples/live.ts`.
 * @param id - the id used in `<Live id="…" />`.
 * @example
 * const example = await loadLiveExample(liveExamples, 'grad-norms');
 */
export async function loadLiveExample(registry: LiveRegistry, id: string): Promise<LiveExample> {
  const load = Object.hasOwn(registry, id) ? registry[id] : undefined;
  if (load === undefined) {
    const known = Object.keys(registry).join(', ') || 'none';
    throw new Error(`loadLiveExample: id must name a registered live example, but got "${id}" (registered: ${known}). Register it in examples/live.ts.`);
  }
  const example = await load();
  if (example.id !== id) {
    throw new Error(`loadLiveExample: the key of a live example must equal its id, but got key "${id}" for id "${example.id}". Use the id as the key.`);
  }
  return example;
}

/**
 * Loads every live example of a registry, in registration order (for Node: tests, the build).
 *
 * @param registry - `liveExamples` from `examples/live.ts`.
 * @example
 * (await loadLiveExamples(liveExamples)).map((example) => example.id); // ['identity-start', …]
 */
export async function loadLiveExamples(registry: LiveRegistry): Promise<LiveExample[]> {
  return Promise.all(Object.keys(registry).map((id) => loadLiveExample(registry, id)));
}
