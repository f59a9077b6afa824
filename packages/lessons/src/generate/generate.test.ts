import { afterAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureDirs } from '../__fixtures__/fixture-tree.js';
import { lessonDirs, lessonsRoot } from '../package-root.js';
import { generatedCache } from './generated-cache.js';
import { checkLessonValue } from './check-value.js';
import { captureCompilerErrors } from './compiler-errors.js';
import { exampleTexts } from './example-texts.js';
import { liveIds } from './live-ids.js';
import { runNumbers } from './run-numbers.js';

const scratch = mkdtempSync(join(lessonsRoot(), '.scaffold-test-gen-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('build-time data', () => {
  test('example texts: every non-test file under examples/, with its regions', () => {
    const texts = exampleTexts(fixtureDirs.examples);
    expect(Object.keys(texts)).toEqual(['01-sample/hello.ts', '01-sample/numbers.ts', 'live.ts']);
    expect(texts['01-sample/hello.ts']?.regions).toEqual({ count: 'export function count(channels: number): number {\n  return 9 * channels * channels;\n}' });
  });

  test("compiler errors: tsc's own message for each bug, with the line in the file", () => {
    const captures = captureCompilerErrors(fixtureDirs.bugs, fixtureDirs.root, join(lessonsRoot(), 'tsconfig.json'));
    expect(Object.keys(captures)).toEqual(['wrong-type']);
    const [diagnostic] = captures['wrong-type']?.diagnostics ?? [];
    expect(diagnostic).toEqual({
      line: 3,
      column: 14,
      code: 2322,
      message: "Type 'string' is not assignable to type 'number'.",
      formatted: "bugs/wrong-type.ts(3,14): error TS2322: Type 'string' is not assignable to type 'number'.",
    });
    expect(captures['wrong-type']?.regions['bug']).toEqual({ text: "export const channels: number = 'sixty-four';", lines: [3] });
  });

  test('numbers: runs each numbers() and records where every id came from', async () => {
    const { values, sources } = await runNumbers(fixtureDirs.examples);
    expect(values['sample.params']).toBe(9 * 64 * 64);
    expect(sources).toEqual({ 'sample.params': 'examples/01-sample/numbers.ts', 'sample.table': 'examples/01-sample/numbers.ts' });
  });

  test('numbers: an id produced twice, or a bad value, fails naming the files', async () => {
    // Each case gets its own folder: Node caches imported modules by path.
    const write = (examples: string, folder: string, body: string) => {
      mkdirSync(join(scratch, examples, folder), { recursive: true });
      writeFileSync(join(scratch, examples, folder, 'numbers.ts'), body);
      return join(scratch, examples);
    };
    write('twice', '01-a', "export async function numbers() { return { 'x.n': 1 }; }");
    const twice = write('twice', '02-b', "export async function numbers() { return { 'x.n': 2 }; }");
    await expect(runNumbers(twice)).rejects.toThrow(
      'runNumbers: number ids must be unique across lessons, but "x.n" comes from examples/01-a/numbers.ts and examples/02-b/numbers.ts. Rename one.',
    );
    const nan = write('nan', '02-b', "export async function numbers() { return { 'x.m': Number.NaN }; }");
    await expect(runNumbers(nan)).rejects.toThrow('runNumbers: examples/02-b/numbers.ts: x.m must be a finite number, a string or a table, but got NaN. Fix what numbers() returns.');
    const none = write('none', '02-b', 'export const values = 1;');
    await expect(runNumbers(none)).rejects.toThrow('runNumbers: examples/02-b/numbers.ts must export `async function numbers()`, but it exports values. Add the export.');
  });

  test('numbers: with a cache, a second run reuses the lessons whose inputs did not change and reruns a changed one', async () => {
    const dirs = lessonDirs(join(scratch, 'cached'));
    const write = (folder: string, name: string, body: string) => {
      mkdirSync(join(dirs.examples, folder), { recursive: true });
      writeFileSync(join(dirs.examples, folder, name), body);
    };
    write('01-a', 'numbers.ts', "export async function numbers() { return { 'a.n': 1 }; }");
    write('02-b', 'numbers.ts', "export async function numbers() { return { 'b.n': 2 }; }");
    const cache = { store: generatedCache(dirs), inputs: (folder: string) => [join(dirs.examples, folder)] };
    const lines: string[] = [];
    const first = await runNumbers(dirs.examples, { cache, onProgress: (line) => lines.push(line) });
    expect(first.cached).toEqual([]);
    expect(lines).toEqual([expect.stringMatching(/^examples\/01-a\/numbers\.ts: 1 values in \d+\.\d s$/), expect.stringMatching(/^examples\/02-b\/numbers\.ts: 1 values in/)]);
    const second = await runNumbers(dirs.examples, { cache });
    expect(second.cached).toEqual(['examples/01-a/numbers.ts', 'examples/02-b/numbers.ts']);
    expect(second.values).toEqual({ 'a.n': 1, 'b.n': 2 });
    write('02-b', 'helper.ts', 'export const changed = true;');
    const third = await runNumbers(dirs.examples, { cache });
    expect(third.cached).toEqual(['examples/01-a/numbers.ts']);
    expect(third.values).toEqual({ 'a.n': 1, 'b.n': 2 });
    expect(third.sources['a.n']).toBe('examples/01-a/numbers.ts');
  });

  test('live ids: from examples/live.ts, none when it does not exist', async () => {
    await expect(liveIds(fixtureDirs.examples)).resolves.toEqual(['sample-live']);
    await expect(liveIds(join(scratch, 'nothing'))).resolves.toEqual([]);
  });

  test('values: tables need one cell per column', () => {
    expect(checkLessonValue('t', { columns: ['a', 'b'], rows: [[1, 2], [3]] })).toBe('t row 1 must have 2 cells (one per column), but got [3]');
    expect(checkLessonValue('t', { columns: ['a'], rows: [[null]] })).toBe('t row 0 cells must be strings or finite numbers, but got null');
    expect(checkLessonValue('s', 'ResNet-50')).toBeUndefined();
    expect(checkLessonValue('o', { value: 1 })).toBe('o must be a finite number, a string or a table ({ columns, rows }), but got {"value":1}');
  });
});
