import { expect, test } from 'vitest';
import { createSlugger } from './slugger.js';

test('makes GitHub-style ids, keeping Chinese, numbering repeats', () => {
  const slug = createSlugger();
  expect(slug('Why deeper nets got worse')).toBe('why-deeper-nets-got-worse');
  expect(slug('1×1 convolutions & the bottleneck')).toBe('11-convolutions--the-bottleneck');
  expect(slug('小结')).toBe('小结');
  expect(slug('为什么权重为零就得到恒等映射')).toBe('为什么权重为零就得到恒等映射');
  expect(slug('Summary')).toBe('summary');
  expect(slug('Summary')).toBe('summary-1');
  expect(slug('!!!')).toBe('section');
  expect(slug('???')).toBe('section-1');
});
