import { expect, test } from 'vitest';
import { loadUiStrings } from './ui-strings.js';

test('both UI files have the same keys and the same placeholders', () => {
  const en = loadUiStrings('en').strings;
  const zh = loadUiStrings('zh-cn').strings;
  expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  const placeholders = (text: string | undefined) => [...(text ?? '').matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
  for (const key of Object.keys(en)) expect(placeholders(zh[key]), `placeholders of ${key}`).toEqual(placeholders(en[key]));
});

test('a missing key is an error naming the file', () => {
  expect(loadUiStrings('zh-cn').t('lesson.lesson', { n: 4 })).toBe('第 4 课');
  expect(() => loadUiStrings('en').t('nope')).toThrow('loadUiStrings: key must exist in ui/en.json, but got "nope". Add it to both ui files.');
});
