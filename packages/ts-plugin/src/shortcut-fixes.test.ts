import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { applyEdits, shortcutFixes } from './shortcut-fixes.js';

const message = "… identity shortcut [N,32,32,64] — use shortcut: 'projection' (1×1 conv, stride 2, 64→128)";

/** The fixed text for an error on the argument that starts at `marker`. */
function fix(text: string, marker: string, said = message): string[] {
  const source = ts.createSourceFile('x.ts', text, ts.ScriptTarget.ES2022, true);
  const start = text.indexOf(marker);
  return shortcutFixes(ts, source, { start, length: marker.length, message: said }).map((found) => applyEdits(text, [found.edit]));
}

describe('shortcutFixes: set the shortcut the message names in the options it points at', () => {
  test('adds it after the last option', () => {
    expect(fix('const y = basicBlock(x, { filters: 128, strides: 2 });', '{ filters')).toEqual([
      "const y = basicBlock(x, { filters: 128, strides: 2, shortcut: 'projection' });",
    ]);
  });

  test('replaces a shortcut already there, and keeps a trailing comma valid', () => {
    expect(fix("basicBlock(x, { filters: 128, strides: 2, shortcut: 'identity' });", '{ filters')).toEqual(["basicBlock(x, { filters: 128, strides: 2, shortcut: 'projection' });"]);
    expect(fix('basicBlock(x, {\n  filters: 128,\n  strides: 2,\n});', '{\n')).toEqual(["basicBlock(x, {\n  filters: 128,\n  strides: 2, shortcut: 'projection',\n});"]);
  });

  test('an options value that is not a literal is spread', () => {
    expect(fix('basicBlock(x, options);', 'options')).toEqual(["basicBlock(x, { ...options, shortcut: 'projection' });"]);
  });

  test('one fix per shortcut the message offers; none when it offers none', () => {
    expect(fix('basicBlock(x, { filters: 128 });', '{ filters', "use shortcut: 'projection' or shortcut: 'zero-pad'")).toEqual([
      "basicBlock(x, { filters: 128, shortcut: 'projection' });",
      "basicBlock(x, { filters: 128, shortcut: 'zero-pad' });",
    ]);
    expect(fix('add(main, x);', 'x)', 'add: inputs must have the same shape')).toEqual([]);
  });

  test('the innermost call wins when blocks are nested', () => {
    expect(fix('basicBlock(basicBlock(x, { filters: 128, strides: 2 }), { filters: 128 });', '{ filters: 128, strides')).toEqual([
      "basicBlock(basicBlock(x, { filters: 128, strides: 2, shortcut: 'projection' }), { filters: 128 });",
    ]);
  });
});
