/**
 * Lesson 1's numbers: computed by building and running the blocks.
 */
import { countParams } from '@residual/core/model';
import type { LessonNumbers } from '../../src/lesson-data-types.js';
import { runLiveExample } from '../../src/live-runner.js';
import { identityStart } from './identity-start.js';
import { libraryBlock } from './residual-block.js';
import { zeroResidualCheck } from './zero-residual.js';

/** `[null, 32, 32, 64]` → `[N, 32, 32, 64]`. */
function showShape(shape: readonly (number | null)[] | undefined): string {
  return `[${(shape ?? []).map((dim) => (dim === null ? 'N' : String(dim))).join(', ')}]`;
}

/**
 * The numbers lesson 1 shows.
 *
 * @example
 * (await numbers())['residual.zero.maxDiffRelu']; // 0
 */
export async function numbers(): Promise<LessonNumbers> {
  const block = libraryBlock(1);
  const shape = showShape(block.outputs[0]?.shape);
  const params = countParams(block).trainable;
  block.dispose();
  const zero = zeroResidualCheck();
  const { result: start } = await runLiveExample(identityStart, { size: 'full' }); // the reader's first Run
  return {
    'residual.block.shape': shape,
    'residual.block.params': params,
    'residual.zero.values': zero.values,
    'residual.zero.maxDiffRelu': zero.maxDiffRelu,
    'residual.zero.maxDiffInput': zero.maxDiffInput,
    'residual.start.atZero': start.summary['distanceAtZero'] ?? Number.NaN,
    'residual.start.atOne': Number(Number(start.summary['distanceAtOne']).toFixed(3)),
  };
}
