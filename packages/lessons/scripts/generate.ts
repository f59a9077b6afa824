// Generates the lessons' build-time data (generated/*.json) on the cpu backend.
// Run: npm run generate -w @residual/lessons
// RESIDUAL_LESSONS_ROOT=<folder> generates for another lessons tree (the machinery's test fixture).
import { generateLessonData, lessonDirs, useCpuBackend } from '../src/node.js';

const started = performance.now();
await useCpuBackend();
const { data, seconds } = await generateLessonData(lessonDirs(process.env['RESIDUAL_LESSONS_ROOT'] || undefined));
const bugs = Object.values(data.compilerErrors);
console.log(
  `generate: ${Object.keys(data.examples).length} example files, ${Object.keys(data.numbers).length} numbers/tables, ` +
    `${bugs.length} bugs (${bugs.reduce((sum, bug) => sum + bug.diagnostics.length, 0)} tsc errors), ${data.live.length} live examples ` +
    `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
for (const [part, time] of Object.entries(seconds)) if (time > 1) console.log(`  ${part}: ${time.toFixed(1)} s`);
// Backends and examples may leave handles open; the data is written.
process.exit(0);
