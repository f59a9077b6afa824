/**
 * A small seeded pseudo-random generator (mulberry32) for lesson data: the same seed gives the same
 * numbers in Node and in every browser, so live examples can be compared across backends.
 *
 * @param seed - any integer
 * @returns a function giving numbers in [0, 1)
 * @example
 * const random = seededRandom(7);
 * random(); // the same value on every run
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
