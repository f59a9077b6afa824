import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { fixtureDirs } from '../__fixtures__/fixture-tree.js';
import { lessonsRoot } from '../package-root.js';
import { typeFiles } from './type-files.js';

const tsconfig = join(lessonsRoot(), 'tsconfig.json');

describe('typeFiles: what the compiler says, placed in the code a reader sees', () => {
  const [hello, bug] = typeFiles([join(fixtureDirs.examples, '01-sample/hello.ts'), join(fixtureDirs.bugs, 'wrong-type.ts')], fixtureDirs.root, tsconfig);

  test('every identifier of a region gets its type, positioned in the dedented region', () => {
    expect(hello?.file).toBe('examples/01-sample/hello.ts');
    expect(hello?.diagnostics).toEqual([]);
    const count = hello?.slices['count'];
    expect(count?.code.split('\n')[0]).toBe('export function count(channels: number): number {');
    expect(count?.lines).toEqual([3, 4, 5]);
    const hovers = count?.nodes.map((node) => [node.type, node.line, node.character, node.start, node.length, node.type === 'hover' ? node.text : '']);
    expect(hovers).toEqual([
      ['hover', 0, 16, 16, 5, 'function count(channels: number): number'],
      ['hover', 0, 22, 22, 8, '(parameter) channels: number'],
      ['hover', 1, 13, 63, 8, '(parameter) channels: number'],
      ['hover', 1, 24, 74, 8, '(parameter) channels: number'],
    ]);
  });

  test("a bug's error is an error node under its line, with tsc's own wording", () => {
    expect(bug?.diagnostics.map((diagnostic) => diagnostic.formatted)).toEqual([
      "bugs/wrong-type.ts(3,14): error TS2322: Type 'string' is not assignable to type 'number'.",
    ]);
    const error = bug?.slices['bug']?.nodes.find((node) => node.type === 'error');
    expect(error).toMatchObject({ type: 'error', code: 2322, line: 0, character: 13, length: 8, text: "Type 'string' is not assignable to type 'number'." });
  });

  test('the whole-file slice drops region markers and keeps file line numbers', () => {
    const whole = bug?.slices[''];
    expect(whole?.code).not.toContain('#region');
    expect(whole?.lines).toEqual([1, 3]);
    expect(whole?.nodes.find((node) => node.type === 'error')?.line).toBe(1);
  });
});
