import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { fixtureDirs } from '../__fixtures__/fixture-tree.js';
import { compileLesson } from '../compile-lesson.js';
import { generateLessonData } from '../generate/generate-all.js';
import { useCpuBackend } from '../node-backend.js';
import { lessonDirs, lessonsRoot } from '../package-root.js';
import { checkParity } from '../parity/check-parity.js';
import { newLesson } from './new-lesson.js';

// Scratch trees live inside the package (git-ignored) so `@residual/lessons` and vitest resolve
// from the generated files exactly as from a real lesson.
const scratch = mkdtempSync(join(lessonsRoot(), '.scaffold-test-'));
const dirs = lessonDirs(scratch);
beforeAll(() => cpSync(fixtureDirs.content, dirs.content, { recursive: true }));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm run new-lesson', () => {
  test('creates a lesson that builds and type-checks, and whose untranslated Chinese title the parity check flags', async () => {
    const created = newLesson('my-topic', { dirs });
    expect(created.slug).toBe('02-my-topic'); // after the fixture's 01-sample
    expect(created.files).toEqual([
      'content/en/02-my-topic.mdx',
      'content/zh-cn/02-my-topic.mdx',
      'examples/02-my-topic/example.ts',
      'examples/02-my-topic/example.test.ts',
      'examples/02-my-topic/numbers.ts',
    ]);
    await useCpuBackend();
    const { data } = await generateLessonData(dirs);
    expect(data.numbers['myTopic.params']).toBe(3 * 3 * 64 * 64);
    expect(data.examples['02-my-topic/example.ts']?.regions['params']).toContain('export function convWeights');
    for (const locale of ['en', 'zh-cn'] as const) {
      const lesson = await compileLesson(locale, '02-my-topic', { dirs, data });
      expect(lesson.outline.components.map((use) => use.name)).toEqual(['Example', 'Num', 'DataTable', 'Exercise', 'Answer', 'Num']);
    }
    // The scaffold cannot translate the title: the parity check says so until the author does.
    await expect(checkParity(dirs)).resolves.toEqual([
      'content/zh-cn/02-my-topic.mdx: the title must be translated into zh-cn, but it is the same as in content/en/02-my-topic.mdx ("My topic"). Translate it.',
    ]);
    const files = created.files.filter((file) => file.endsWith('.ts')).map((file) => join(scratch, file));
    const config = ts.readConfigFile(join(lessonsRoot(), 'tsconfig.json'), (path) => ts.sys.readFile(path));
    const options = ts.parseJsonConfigFileContent(config.config, ts.sys, lessonsRoot()).options;
    const diagnostics = ts.getPreEmitDiagnostics(ts.createProgram(files, { ...options, noEmit: true }));
    expect(diagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))).toEqual([]);
    const example = (await import(pathToFileURL(join(scratch, 'examples/02-my-topic/example.ts')).href)) as { convWeights(k: number, i: number, o: number): number };
    expect(example.convWeights(3, 64, 64)).toBe(36864);
  });

  test('keeps an explicit number and refuses a lesson that exists', () => {
    expect(newLesson('09-other-topic', { dirs }).slug).toBe('09-other-topic');
    expect(existsSync(join(scratch, 'content/zh-cn/09-other-topic.mdx'))).toBe(true);
    expect(() => newLesson('sample', { dirs })).toThrow('newLesson: the lesson must not exist yet, but "01-sample" does. Pick another slug.');
  });

  test('rejects a slug that is not kebab-case', () => {
    expect(() => newLesson('My Topic', { dirs })).toThrow(
      'newLesson: the slug must be kebab-case (e.g. 08-my-topic or my-topic), but got "My Topic". Use lower-case letters, digits and dashes.',
    );
  });
});
