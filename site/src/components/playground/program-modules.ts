import * as core from '@residual/core';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { ProgramModules } from './run-program.js';

/** The entries of `@residual/core` a program may import, as the lessons do (`@residual/core/model`, …). */
export const coreEntries = ['@residual/core', '@residual/core/model', '@residual/core/training', '@residual/core/engine'] as const;

/**
 * The modules a playground program runs with: `@residual/core` and its browser entries, TF.js core
 * and layers. `.` holds every browser entry, so it answers the subpath imports too; the type checker
 * keeps each import to its own entry's names.
 *
 * @example
 * runProgram(js, programModules());
 */
export function programModules(): ProgramModules {
  return { ...Object.fromEntries(coreEntries.map((entry) => [entry, core])), '@tensorflow/tfjs-core': tf, '@tensorflow/tfjs-layers': tfl };
}
