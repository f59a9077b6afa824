import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { captureCompilerErrors, lessonDirs, lessonsRoot, typeFiles } from '@residual/lessons/node';
import { presetIds } from './preset-ids.js';

// The presets go through the lessons' own compiler pass (typeFiles), with the lessons' options.
const folder = fileURLToPath(new URL('./presets', import.meta.url));
const tsconfig = join(lessonsRoot(), 'tsconfig.json');
const files = readdirSync(folder).filter((name) => name.endsWith('.ts')).sort();
const typed = new Map(typeFiles(files.map((name) => join(folder, name)), folder, tsconfig).map((source) => [source.file, source]));
const messages = (name: string) => typed.get(name)?.diagnostics.map((diagnostic) => diagnostic.message) ?? [];

describe('playground presets', () => {
  test('each preset is a bug and its fix, and the menu lists exactly those', () => {
    expect(files).toEqual([...presetIds].sort().flatMap((id) => [`${id}.bug.ts`, `${id}.fix.ts`]));
  });

  test('every fix compiles', () => {
    for (const id of presetIds) expect(messages(`${id}.fix.ts`), `${id}.fix.ts`).toEqual([]);
  });

  test("every bug of lesson 7 is a preset, and the compiler says the same about it as in the lesson", () => {
    const lesson = captureCompilerErrors(lessonDirs().bugs, lessonDirs().root, tsconfig);
    expect(Object.keys(lesson).length).toBeGreaterThan(0);
    for (const [id, capture] of Object.entries(lesson)) {
      expect(presetIds, `a preset for bugs/${id}.ts`).toContain(id);
      expect(messages(`${id}.bug.ts`), `${id}.bug.ts`).toEqual(capture.diagnostics.map((diagnostic) => diagnostic.message));
    }
  });

  test("the dropped ResNet-20 shortcut is one error that names the projection; the bugs types cannot see compile", () => {
    expect(messages('resnet20.bug.ts')).toHaveLength(1);
    expect(messages('resnet20.bug.ts')[0]).toContain("use shortcut: 'projection' (1×1 conv, stride 2, 16→32)");
    expect(messages('relu-before-add.bug.ts')).toEqual([]);
    expect(messages('softmax-before-loss.bug.ts')).toEqual([]);
  });
});
