import { describe, expect, test } from 'vitest';
import type { LessonOutline } from '../mdx/outline-types.js';
import { compareOutlines } from './compare-outlines.js';

const base: LessonOutline = {
  headings: [
    { depth: 2, text: 'Intro', id: 'intro' },
    { depth: 3, text: 'Detail', id: 'detail' },
  ],
  components: [
    { name: 'Example', props: { file: 'x/a.ts', region: 'r' }, line: 3 },
    { name: 'Num', props: { id: 'x.n' }, line: 5 },
  ],
  sections: [
    { heading: '', numbers: ['365'] },
    { heading: 'Intro', numbers: ['0.99', '1202'] },
    { heading: 'Detail', numbers: [] },
  ],
};
const zh: LessonOutline = {
  headings: [
    { depth: 2, text: '引言', id: '引言' },
    { depth: 3, text: '细节', id: '细节' },
  ],
  components: base.components.map((use) => ({ ...use, line: use.line + 1 })),
  sections: [
    { heading: '', numbers: ['365'] },
    { heading: '引言', numbers: ['1202', '0.99'] },
    { heading: '细节', numbers: [] },
  ],
};
const pair = (b: LessonOutline) => ({ a: { locale: 'en' as const, file: 'content/en/01-x.mdx', outline: base }, b: { locale: 'zh-cn' as const, file: 'content/zh-cn/01-x.mdx', outline: b } });

describe('compareOutlines', () => {
  test('agrees when levels, components and numbers match (numbers in any order within a section)', () => {
    expect(compareOutlines(pair(zh))).toEqual([]);
  });
  test('reports a different heading structure', () => {
    const [first] = compareOutlines(pair({ ...zh, headings: [{ depth: 2, text: '引言', id: 'a' }, { depth: 2, text: '细节', id: 'b' }] }));
    expect(first).toBe(
      'content/en/01-x.mdx vs content/zh-cn/01-x.mdx: headings must have the same levels and count, but en has 2 [h2 h3] and zh-cn has 2 [h2 h2]; first difference at heading 2: en h3 "Detail", zh-cn h2 "细节"',
    );
  });
  test('reports a component with another id', () => {
    const components = [zh.components[0]!, { name: 'Num' as const, props: { id: 'x.m' }, line: 9 }];
    expect(compareOutlines(pair({ ...zh, components }))).toEqual([
      'content/en/01-x.mdx vs content/zh-cn/01-x.mdx: components must be the same, with the same ids, in the same order, but en uses 2 and zh-cn 2; first difference at component 2: en <Num id="x.n"> (line 5), zh-cn <Num id="x.m"> (line 9)',
    ]);
  });
  test('reports a missing component', () => {
    const [problem] = compareOutlines(pair({ ...zh, components: zh.components.slice(0, 1) }));
    expect(problem).toContain('en uses 2 and zh-cn 1; first difference at component 2: en <Num id="x.n"> (line 5), zh-cn (none)');
  });
  test('reports numbers shown in one language only, per section', () => {
    const sections = [zh.sections[0]!, { heading: '引言', numbers: ['0.99', '1201'] }, zh.sections[2]!];
    expect(compareOutlines(pair({ ...zh, sections }))).toEqual([
      'content/en/01-x.mdx vs content/zh-cn/01-x.mdx: section "Intro" / "引言" must show the same numbers, but only en has [1202] and only zh-cn has [1201]. Write numbers as digits in both languages, or show them with <Num>.',
    ]);
  });
});
