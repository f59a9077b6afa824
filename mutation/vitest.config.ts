import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The unit tests that StrykerJS runs against each mutant (see ../stryker.config.json): the fast
// ones that exercise the mutated files, shapes' run-time twins and core's counting and shortcut
// logic. One project, no type tests (mutants change run-time code only).
const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: { conditions: ['@residual/source'] },
  ssr: { resolve: { conditions: ['@residual/source'], externalConditions: ['@residual/source'] } },
  test: {
    root: at('..'),
    include: [
      'packages/shapes/src/**/*.test.ts',
      'packages/core/src/model/analysis/**/*.test.ts',
      'packages/core/src/model/blocks/**/*.test.ts',
      'packages/core/src/model/models/**/*.test.ts',
      'packages/core/src/model/layers/zero-pad-shortcut.test.ts',
    ],
    testTimeout: 120_000,
  },
});
