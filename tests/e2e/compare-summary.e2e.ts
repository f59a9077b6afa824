import { expect, test } from 'vitest';
import { compareSummary, lastDigit } from './compare-summary.js';

const tolerance = { relative: 2e-3, absolute: 1e-6 };

test('numbers agree within the relative tolerance, strings exactly', () => {
  expect(compareSummary({ loss: '0.50049', model: 'resnet20' }, { loss: 0.5, model: 'resnet20' }, tolerance)).toEqual([]);
  expect(compareSummary({ loss: '0.51' }, { loss: 0.500001 }, tolerance)).toEqual(['loss: browser 0.51, node 0.500001 (allowed ±0.00100)']);
  expect(compareSummary({ model: 'plain20' }, { model: 'resnet20' }, tolerance)).toEqual(['model: browser "plain20", node "resnet20"']);
});

test('a value the example rounded may differ by one unit of its last digit; integers may not', () => {
  expect(lastDigit(1.69)).toBe(0.01);
  expect(lastDigit(8)).toBe(0);
  expect(lastDigit(0.148000123)).toBe(0);
  expect(compareSummary({ first: '1.7' }, { first: 1.69 }, tolerance)).toEqual([]);
  expect(compareSummary({ blocks: '9' }, { blocks: 8 }, tolerance)).toEqual(['blocks: browser 9, node 8 (allowed ±0.0160)']);
});

test('a key on one side only is a difference', () => {
  expect(compareSummary({ a: '1' }, { b: 1 }, tolerance)).toEqual(['a: browser 1, node (missing)', 'b: browser (missing), node 1']);
});
