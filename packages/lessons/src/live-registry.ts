import type { LiveExample } from './live-types.js';

/** How `examples/live.ts` may export its examples: a record by id, or an array. */
export type LiveRegistry = Readonly<Record<string, LiveExample>> | readonly LiveExample[];

/**
 * The live examples of a registry as a list, checking that ids are unique and that a record's keys
 * match the examples' own ids.
 *
 * @param registry - `liveExamples` from `examples/live.ts`.
 * @example
 * liveExampleList({ 'grad-norms': gradNorms }).map((example) => example.id); // ['grad-norms']
 */
export function liveExampleList(registry: LiveRegistry): LiveExample[] {
  const list = Array.isArray(registry)
    ? [...(registry as readonly LiveExample[])]
    : Object.entries(registry as Readonly<Record<string, LiveExample>>).map(([key, example]) => {
        if (example.id !== key) {
          throw new Error(`liveExampleList: the key of a live example must equal its id, but got key "${key}" for id "${example.id}". Use the id as the key.`);
        }
        return example;
      });
  const seen = new Set<string>();
  for (const example of list) {
    if (seen.has(example.id)) throw new Error(`liveExampleList: live example ids must be unique, but "${example.id}" appears twice. Rename one.`);
    seen.add(example.id);
  }
  return list;
}

/**
 * Finds one live example by id, or fails naming the ids that exist.
 *
 * @param registry - `liveExamples` from `examples/live.ts`.
 * @param id - the id used in `<Live id="…" />`.
 * @example
 * const example = findLiveExample(liveExamples, 'grad-norms');
 */
export function findLiveExample(registry: LiveRegistry, id: string): LiveExample {
  const list = liveExampleList(registry);
  const found = list.find((example) => example.id === id);
  if (found === undefined) {
    throw new Error(`findLiveExample: id must name a registered live example, but got "${id}" (registered: ${list.map((example) => example.id).join(', ') || 'none'}). Register it in examples/live.ts.`);
  }
  return found;
}
