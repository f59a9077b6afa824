import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Project roots are absolute so that `vitest --root ../..` from a package folder finds the same files. */
const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// One runner for every package. Each project resolves workspace packages to their TypeScript
// sources through the "@residual/source" export condition, so tests never need a build first.
const source = { conditions: ['@residual/source'] };

export default defineConfig({
  resolve: source,
  ssr: { resolve: { conditions: ['@residual/source'], externalConditions: ['@residual/source'] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'shapes',
          root: at('./packages/shapes'),
          include: ['src/**/*.test.ts'],
          typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      {
        extends: true,
        test: {
          name: 'core',
          root: at('./packages/core'),
          include: ['src/**/*.test.ts'],
          typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'ts-plugin',
          root: at('./packages/ts-plugin'),
          include: ['src/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'lessons',
          root: at('./packages/lessons'),
          include: ['src/**/*.test.ts', 'examples/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          root: at('./site'),
          include: ['src/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'tests',
          root: at('./tests'),
          include: ['**/*.test.ts'],
          exclude: ['e2e/**', 'node_modules/**'],
          typecheck: { enabled: true, include: ['**/*.test-d.ts'], tsconfig: './tsconfig.json' },
          testTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: at('./tests/e2e'),
          include: ['**/*.e2e.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
