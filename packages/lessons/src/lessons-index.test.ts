import { afterAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureDirs } from './__fixtures__/fixture-tree.js';
import { listLessons } from './lesson-files.js';
import { planLessonPages } from './lesson-pages.js';
import { lessonDirs } from './package-root.js';
import { loadResults } from './results.js';

const scratch = mkdtempSync(join(tmpdir(), 'residual-index-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('lesson files and pages', () => {
  test('lists lessons with their file in each language', () => {
    const [sample] = listLessons(fixtureDirs);
    expect(sample).toEqual({
      slug: '01-sample',
      order: 1,
      files: { en: join(fixtureDirs.content, 'en/01-sample.mdx'), 'zh-cn': join(fixtureDirs.content, 'zh-cn/01-sample.mdx') },
    });
  });

  test('a file name without NN- prefix is refused', () => {
    mkdirSync(join(scratch, 'content/en'), { recursive: true });
    writeFileSync(join(scratch, 'content/en/intro.mdx'), '');
    expect(() => listLessons(lessonDirs(scratch))).toThrow('listLessons: a lesson file name must look like NN-kebab-slug.mdx, but got content/en/intro.mdx. Rename it (e.g. 08-my-topic.mdx).');
  });

  test('a lesson missing in one language gets a page there that falls back to the other', () => {
    const pages = planLessonPages([
      { slug: '01-a', order: 1, files: { en: '/en/01-a.mdx', 'zh-cn': '/zh/01-a.mdx' } },
      { slug: '02-b', order: 2, files: { en: '/en/02-b.mdx' } },
      { slug: '03-c', order: 3, files: { 'zh-cn': '/zh/03-c.mdx' } },
    ]);
    expect(pages['zh-cn'].map((page) => [page.slug, page.sourceLocale, page.file])).toEqual([
      ['01-a', 'zh-cn', '/zh/01-a.mdx'],
      ['02-b', 'en', '/en/02-b.mdx'],
      ['03-c', 'zh-cn', '/zh/03-c.mdx'],
    ]);
    expect(pages.en.map((page) => [page.slug, page.sourceLocale])).toEqual([
      ['01-a', 'en'],
      ['02-b', 'en'],
      ['03-c', 'zh-cn'],
    ]);
  });
});

describe('recorded results', () => {
  test('reads runs with their provenance; undefined when nothing is recorded', () => {
    const results = loadResults('sample-run', fixtureDirs);
    expect(results?.file).toBe('results/sample-run.jsonl');
    expect(results?.runs[0]).toMatchObject({ backend: 'cpu', dataset: 'none (fixture)', testAccuracy: 0.5 });
    expect(loadResults('never-run', fixtureDirs)).toBeUndefined();
  });

  test('a run without provenance is refused', () => {
    mkdirSync(join(scratch, 'results'), { recursive: true });
    writeFileSync(join(scratch, 'results/bad.jsonl'), '{"command":"x","testAccuracy":0.9}\n');
    expect(() => loadResults('bad', lessonDirs(scratch))).toThrow(
      'loadResults: results/bad.jsonl:1 must record command, commit, backend, device, date, dataset, but it lacks commit, backend, device, date, dataset. Record where the numbers came from.',
    );
  });
});
