import { fileURLToPath } from 'node:url';
import type { LessonData } from '../lesson-data-types.js';
import { lessonDirs } from '../package-root.js';

/** The machinery's test lessons tree: one lesson in both languages, an example, a bug, a result. */
export const fixtureDirs = lessonDirs(fileURLToPath(new URL('./tree', import.meta.url)));

/** Lesson data matching the fixture tree, written by hand for tests that must not run generate. */
export const fixtureData: LessonData = {
  numbers: {
    'sample.params': 36864,
    'sample.table': { columns: ['channels', { en: 'parameters', 'zh-cn': '参数' }], rows: [[64, 36864]] },
  },
  numberSources: { 'sample.params': 'examples/01-sample/numbers.ts', 'sample.table': 'examples/01-sample/numbers.ts' },
  compilerErrors: {
    'wrong-type': {
      id: 'wrong-type',
      file: 'bugs/wrong-type.ts',
      source: { text: 'x', lines: [3] },
      regions: { bug: { text: 'x', lines: [3] } },
      diagnostics: [{ line: 3, column: 14, code: 2322, message: 'm', formatted: 'f' }],
    },
  },
  examples: { '01-sample/hello.ts': { text: 'x', regions: { count: 'y' } } },
  live: ['sample-live'],
  types: {},
};
