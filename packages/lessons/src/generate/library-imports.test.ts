import { expect, test } from 'vitest';
import { libraryImports } from './library-imports.js';

test("names imported from Residual's packages, values and types, renamed ones by their exported name, each once", () => {
  const text = [
    "import * as tf from '@tensorflow/tfjs-core';",
    "import { basicBlock, input, type ShapeOf } from '@residual/core';",
    "import { loadCifar10 as load } from '@residual/core/node';",
    "import type { Shape } from '@residual/shapes';",
    "import { input as again } from '@residual/core';",
    "import { helper } from '../shared/helper.js';",
  ].join('\n');
  expect(libraryImports(text)).toEqual([
    { module: '@residual/core', name: 'basicBlock' },
    { module: '@residual/core', name: 'input' },
    { module: '@residual/core', name: 'ShapeOf' },
    { module: '@residual/core/node', name: 'loadCifar10' },
    { module: '@residual/shapes', name: 'Shape' },
  ]);
});

test('a file without such imports has none', () => {
  expect(libraryImports("export const x = 1;\nimport fs from 'node:fs';")).toEqual([]);
});
