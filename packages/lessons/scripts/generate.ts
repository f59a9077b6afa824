// Generates the lessons' build-time data (generated/*.json) on the cpu backend, reusing what
// generated/.cache holds for inputs that did not change. Prints a line per step as it goes.
// Run: npm run generate -w @residual/lessons        (--no-cache recomputes everything)
// RESIDUAL_LESSONS_ROOT=<folder> generates for another lessons tree (the machinery's test fixture).
import { generateLessonData, lessonDirs, useCpuBackend } from '../src/node.js';

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
console.log('generate: example texts, numbers, compiler errors and live ids for the lessons…');
await useCpuBackend();
const { data, cached } = await generateLessonData(lessonDirs(process.env['RESIDUAL_LESSONS_ROOT'] || undefined), {
  cache: !process.argv.includes('--no-cache'),
  onProgress: (line) => console.log(`  [${elapsed()}] ${line}`),
});
const bugs = Object.values(data.compilerErrors);
console.log(
  `generate: ${Object.keys(data.examples).length} example files, ${Object.keys(data.numbers).length} numbers/tables, ` +
    `${bugs.length} bugs (${bugs.reduce((sum, bug) => sum + bug.diagnostics.length, 0)} tsc errors), ${data.live.length} live examples ` +
    `in ${elapsed()}${cached.length > 0 ? ` (${cached.length} parts unchanged and reused; --no-cache recomputes them)` : ''}`,
);
// Backends and examples may leave handles open; the data is written.
process.exit(0);
