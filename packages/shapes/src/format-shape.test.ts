import { expect, test } from 'vitest';
import { formatShape } from './format-shape.js';

test('formatShape prints the batch as N and other unknown dimensions as ?', () => {
  expect(formatShape([null, 16, 16, 128])).toBe('[N,16,16,128]');
  expect(formatShape([8, 28, 28, 1], ', ')).toBe('[8, 28, 28, 1]');
  expect(formatShape([undefined, null, 3])).toBe('[N,?,3]');
  expect(formatShape([])).toBe('[]');
});
