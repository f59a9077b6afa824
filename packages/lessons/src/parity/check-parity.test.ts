import { afterAll, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureDirs } from '../__fixtures__/fixture-tree.js';
import { lessonDirs } from '../package-root.js';
import { checkParity } from './check-parity.js';

const scratch = mkdtempSync(join(tmpdir(), 'residual-parity-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('the fixture lesson agrees in both languages', async () => {
  await expect(checkParity(fixtureDirs)).resolves.toEqual([]);
});

test('a lesson written in one language only, and a changed number, are reported with their files', async () => {
  cpSync(fixtureDirs.content, join(scratch, 'content'), { recursive: true });
  writeFileSync(join(scratch, 'content/en/02-only-english.mdx'), '---\ntitle: Only English\n---\n\nText.\n');
  const zhFile = join(scratch, 'content/zh-cn/01-sample.mdx');
  cpSync(join(fixtureDirs.content, 'zh-cn/01-sample.mdx'), zhFile);
  writeFileSync(zhFile, readFileSync(zhFile, 'utf8').replace('| 18 | 8 |', '| 18 | 9 |'));
  await expect(checkParity(lessonDirs(scratch))).resolves.toEqual([
    'content/en/01-sample.mdx vs content/zh-cn/01-sample.mdx: section "The code" / "代码" must show the same numbers, but only en has [8] and only zh-cn has [9]. Write numbers as digits in both languages, or show them with <Num>.',
    'content/zh-cn/02-only-english.mdx must exist, because content/en/02-only-english.mdx does. Write the lesson in zh-cn too.',
  ]);
});
