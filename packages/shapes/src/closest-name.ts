/** Levenshtein distance: the fewest one-character insertions, deletions and substitutions. */
function editDistance(left: string, right: string): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row++) {
    const current = [row];
    for (let column = 1; column <= right.length; column++) {
      const substitution = left[row - 1] === right[column - 1] ? 0 : 1;
      current.push(Math.min(previous[column]! + 1, current[column - 1]! + 1, previous[column - 1]! + substitution));
    }
    previous = current;
  }
  return previous[right.length]!;
}

/**
 * The candidate closest to `name` by edit distance (the first of equals), for messages that end
 * "Did you mean …?".
 *
 * @param name - what the caller wrote, e.g. `'projecton'`
 * @param candidates - the names it may have meant (at least one)
 * @returns the closest candidate
 * @example
 * ```ts
 * closestName('projecton', ['identity', 'projection', 'zero-pad', 'none']); // 'projection'
 * ```
 */
export function closestName<Name extends string>(name: string, candidates: readonly [Name, ...Name[]] | readonly Name[]): Name {
  const [first, ...rest] = candidates;
  if (first === undefined) throw new RangeError('closestName: candidates must hold at least one name, but got none. Pass the valid names.');
  let best = first;
  let bestDistance = editDistance(name, first);
  for (const candidate of rest) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}
