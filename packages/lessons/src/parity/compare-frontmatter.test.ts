import { describe, expect, test } from 'vitest';
import type { LessonFrontmatter } from '../mdx/compile-mdx.js';
import { compareFrontmatter } from './compare-frontmatter.js';

const pair = (en: LessonFrontmatter, zh: LessonFrontmatter) => ({
  a: { locale: 'en' as const, file: 'content/en/08-x.mdx', frontmatter: en },
  b: { locale: 'zh-cn' as const, file: 'content/zh-cn/08-x.mdx', frontmatter: zh },
});

describe('compareFrontmatter', () => {
  test('translated titles and descriptions pass', () => {
    expect(compareFrontmatter(pair({ title: 'Batch normalization', description: 'What it computes.' }, { title: '批归一化', description: '它计算什么。' }))).toEqual([]);
  });
  test('a title left in English is reported with the file and the fix', () => {
    expect(compareFrontmatter(pair({ title: 'My topic', description: 'One sentence.' }, { title: 'My topic', description: '一句话。' }))).toEqual([
      'content/zh-cn/08-x.mdx: the title must be translated into zh-cn, but it is the same as in content/en/08-x.mdx ("My topic"). Translate it.',
    ]);
  });
  test('a description with no Chinese characters, and a missing one', () => {
    expect(compareFrontmatter(pair({ title: 'A', description: 'One sentence.' }, { title: '甲', description: 'One sentence, reworded.' }))).toEqual([
      'content/zh-cn/08-x.mdx: the description must be written in Chinese, but "One sentence, reworded." has no Chinese characters. Translate it.',
    ]);
    expect(compareFrontmatter(pair({ title: 'A', description: 'One sentence.' }, { title: '甲' }))).toEqual([
      'content/zh-cn/08-x.mdx: the description must be given in front matter, because content/en/08-x.mdx has one. Add it.',
    ]);
  });
  test('a Chinese title that keeps a Latin name is fine', () => {
    expect(compareFrontmatter(pair({ title: 'The ResNet family' }, { title: 'ResNet 家族' }))).toEqual([]);
  });
});
