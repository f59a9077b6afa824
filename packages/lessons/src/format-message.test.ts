import { expect, test } from 'vitest';
import { formatMessage } from './format-message.js';

test('fills placeholders', () => {
  expect(formatMessage('Finished on {backend} in {seconds} s.', { backend: 'webgl', seconds: '1.20' })).toBe('Finished on webgl in 1.20 s.');
  expect(formatMessage('第 {n} 课', { n: 4 })).toBe('第 4 课');
});

test('a missing value is an error, not literal braces', () => {
  expect(() => formatMessage('Lesson {n}')).toThrow('formatMessage: placeholder {n} must have a value, but got none for "Lesson {n}". Pass n in params.');
});
