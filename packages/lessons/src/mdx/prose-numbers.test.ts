import { expect, test } from 'vitest';
import { proseNumbers } from './prose-numbers.js';

test('finds decimals and grouped numbers, dropping thousands separators', () => {
  expect(proseNumbers('0.99^365 ≈ 0.0255, and 1,179,648 vs 69,632 parameters')).toEqual(['0.99', '365', '0.0255', '1179648', '69632']);
});

test('full-width digits count like ASCII ones', () => {
  expect(proseNumbers('共 ６４ 个通道，ResNet-18')).toEqual(['64', '18']);
});

test('prose without digits has no numbers', () => {
  expect(proseNumbers('two paths and one sum')).toEqual([]);
});
