import { expectTypeOf, test } from 'vitest';
import type { DenseOutput, FlattenOutput, GlobalPoolOutput } from './vector-output.js';

test('global pooling, flatten and dense shapes', () => {
  expectTypeOf<GlobalPoolOutput<[number, 7, 7, 512]>>().toEqualTypeOf<[number, 512]>();
  expectTypeOf<FlattenOutput<[number, 28, 28, 1]>>().toEqualTypeOf<[number, 784]>();
  expectTypeOf<FlattenOutput<[number, 7, 7, 2048]>>().toEqualTypeOf<[number, 100352]>();
  expectTypeOf<FlattenOutput<[number, number, 7, 2]>>().toEqualTypeOf<[number, number]>();
  expectTypeOf<DenseOutput<[number, 512], 10>>().toEqualTypeOf<[number, 10]>();
});

test('rank errors say what to call first', () => {
  expectTypeOf<DenseOutput<[number, 7, 7, 512], 10>>().toEqualTypeOf<'shape error: dense: input must be rank 2 [N,features], but got [N,7,7,512] — call flatten(x) or globalAvgPool(x) first'>();
  expectTypeOf<GlobalPoolOutput<[number, 10]>>().toEqualTypeOf<'shape error: globalAvgPool: input must be rank 4 [N,H,W,C], but got [N,10] — pass a batch of feature maps, NHWC'>();
  expectTypeOf<FlattenOutput<[number]>>().toEqualTypeOf<'shape error: flatten: input must be rank 2 or more [N,…], but got [N] — pass a batch'>();
});
