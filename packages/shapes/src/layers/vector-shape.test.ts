import { expect, test } from 'vitest';
import { denseOutputShape, flattenOutputShape, globalPoolOutputShape } from './vector-shape.js';

test('global pooling, flatten and dense shapes', () => {
  expect(globalPoolOutputShape([null, 7, 7, 512])).toEqual([null, 512]);
  expect(flattenOutputShape([null, 7, 7, 512])).toEqual([null, 25088]);
  expect(denseOutputShape([null, 512], 10)).toEqual([null, 10]);
});

test('an unknown dimension stays unknown (null), as the types widen to number', () => {
  expect(globalPoolOutputShape([null, 7, 7, null])).toEqual([null, null]);
  expect(flattenOutputShape([4, 7, null, 512])).toEqual([4, null]);
});

test('rank errors use the words of the type errors', () => {
  expect(() => denseOutputShape([null, 7, 7, 512], 10)).toThrow(
    'shape error: dense: input must be rank 2 [N,features], but got [N,7,7,512] — call flatten(x) or globalAvgPool(x) first',
  );
  expect(() => globalPoolOutputShape([null, 10])).toThrow(
    'shape error: globalAvgPool: input must be rank 4 [N,H,W,C], but got [N,10] — pass a batch of feature maps, NHWC',
  );
  expect(() => flattenOutputShape([null])).toThrow('shape error: flatten: input must be rank 2 or more [N,…], but got [N] — pass a batch');
});

test('a known batch passes through; a rank-2 input flattens to itself (found by mutation testing)', () => {
  expect(globalPoolOutputShape([4, 7, 7, 512])).toEqual([4, 512]);
  expect(denseOutputShape([4, 512], 10)).toEqual([4, 10]);
  expect(flattenOutputShape([4, 5])).toEqual([4, 5]);
});
