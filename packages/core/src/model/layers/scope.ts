/**
 * Layer names and initialiser seeds. Every layer made by this package takes its name and its seed
 * from the innermost build scope, so that the same seed gives the same weights and the same layer
 * names on every run and every backend.
 */

interface BuildScope {
  readonly seed: number | undefined;
  readonly counts: Map<string, number>;
  readonly names: Set<string>;
  readonly prefixes: string[];
}

const globalScope: BuildScope = { seed: undefined, counts: new Map(), names: new Set(), prefixes: [] };
const scopes: BuildScope[] = [];

function currentScope(): BuildScope {
  return scopes[scopes.length - 1] ?? globalScope;
}

/**
 * Runs `build` in a fresh build scope: layer names restart (`conv2d_1`, …) and every layer's
 * initialiser seed is derived from `seed` and the layer's name, so the same seed gives the same
 * weights. Model builders (`resnet20`, `buildModel`, …) use it; use it yourself around code that
 * calls the functional API (`conv2d`, `dense`, …) when you need reproducible weights.
 *
 * @param seed - any integer; `undefined` draws a random seed for each layer
 * @param build - builds the layers (synchronously) and returns anything
 * @returns what `build` returns
 * @example
 * ```ts
 * const net = withSeed(42, () => {
 *   const x = input([8, 8, 3]);
 *   return tf.model({ inputs: x.tensor, outputs: dense(flatten(x), { units: 10 }).tensor });
 * });
 * ```
 */
export function withSeed<Result>(seed: number | undefined, build: () => Result): Result {
  if (seed !== undefined && !Number.isInteger(seed)) {
    throw new RangeError(`withSeed: seed must be an integer, but got ${seed}. Pass a whole number.`);
  }
  scopes.push({ seed, counts: new Map(), names: new Set(), prefixes: [] });
  try {
    return build();
  } finally {
    scopes.pop();
  }
}

/**
 * Runs `build` with `prefix` put before the names of the layers it makes (`layer1.0.conv1`), as
 * torchvision names its modules.
 *
 * @example
 * ```ts
 * withNamePrefix('layer1.0', () => conv2d(x, { filters: 64, kernelSize: 3, name: 'conv1' }));
 * // the layer is named "layer1.0.conv1"
 * ```
 */
export function withNamePrefix<Result>(prefix: string, build: () => Result): Result {
  const scope = currentScope();
  scope.prefixes.push(prefix);
  try {
    return build();
  } finally {
    scope.prefixes.pop();
  }
}

/**
 * The name of a new layer: `requested` under the current prefixes, or `<kind>_<n>`. Names are
 * unique within a scope: asking twice for the same name throws.
 */
export function layerName(kind: string, requested?: string): string {
  const scope = currentScope();
  let base = requested;
  if (base === undefined) {
    const count = (scope.counts.get(kind) ?? 0) + 1;
    scope.counts.set(kind, count);
    base = `${kind}_${count}`;
  }
  const name = [...scope.prefixes, base].join('.');
  if (scope.names.has(name)) {
    throw new Error(`${kind}: name must be unique in a model, but got "${name}" twice. Pass another name.`);
  }
  scope.names.add(name);
  return name;
}

/** FNV-1a, 32 bits: a small stable string hash. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The initialiser seed of the layer `name`: derived from the scope's seed and the name (so it does
 * not depend on build order), or random outside a seeded scope.
 */
export function layerSeed(name: string, salt = ''): number {
  const { seed } = currentScope();
  if (seed === undefined) return Math.floor(Math.random() * 0x7fffffff);
  return hash32(`${seed}:${name}:${salt}`);
}
