/** The four 32-bit words of a {@link Rng}'s state; saved in checkpoints so a resumed run draws the same numbers. */
export type RngState = readonly [number, number, number, number];

/**
 * A small seeded random number generator (sfc32, from PractRand), so shuffles and augmentations
 * repeat exactly for a seed and continue exactly after a resume.
 *
 * @example
 * const rng = Rng.fromSeed(42);
 * rng.next(); // a float in [0, 1)
 * const copy = Rng.fromState(rng.state()); // draws what rng draws next
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private constructor(state: RngState) {
    [this.a, this.b, this.c, this.d] = state;
  }

  /**
   * A generator for a seed; nearby seeds give unrelated streams (the seed is mixed with splitmix32).
   *
   * @param seed - any integer.
   * @returns a fresh generator.
   * @example
   * Rng.fromSeed(1).int(10); // the same number on every run
   */
  static fromSeed(seed: number): Rng {
    let x = seed >>> 0;
    const mix = () => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    const rng = new Rng([mix(), mix(), mix(), mix()]);
    for (let i = 0; i < 12; i++) rng.nextUint32();
    return rng;
  }

  /**
   * Restores a generator from {@link Rng.state}.
   *
   * @param state - four unsigned 32-bit integers.
   * @returns a generator that continues the saved stream.
   * @example
   * Rng.fromState([1, 2, 3, 4]);
   */
  static fromState(state: RngState): Rng {
    return new Rng([state[0] >>> 0, state[1] >>> 0, state[2] >>> 0, state[3] >>> 0]);
  }

  /** The current state, to save. */
  state(): RngState {
    return [this.a, this.b, this.c, this.d];
  }

  /** The next unsigned 32-bit integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A 31-bit seed for another generator (e.g. TF.js initialisers). */
  seed(): number {
    return this.nextUint32() >>> 1;
  }

  /**
   * `0 … n − 1` in a random order (Fisher–Yates).
   *
   * @param n - how many indices.
   * @returns a permutation.
   * @example
   * Rng.fromSeed(3).permutation(5); // e.g. [2, 0, 4, 1, 3]
   */
  permutation(n: number): Uint32Array {
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const swap = order[i] as number; // i, j < n
      order[i] = order[j] as number;
      order[j] = swap;
    }
    return order;
  }
}
