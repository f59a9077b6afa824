import { expectTypeOf, test } from 'vitest';
import type { ConvOutputSize } from './output-size-type.js';

test('ConvOutputSize: the ResNet sizes and the edge cases', () => {
  expectTypeOf<ConvOutputSize<224, 7, 2, 3>>().toEqualTypeOf<112>();
  expectTypeOf<ConvOutputSize<112, 3, 2, 1>>().toEqualTypeOf<56>();
  expectTypeOf<ConvOutputSize<56, 1, 2>>().toEqualTypeOf<28>();
  expectTypeOf<ConvOutputSize<7, 3, 2, 'same'>>().toEqualTypeOf<4>();
  expectTypeOf<ConvOutputSize<3, 7, 1, 'same'>>().toEqualTypeOf<3>();
  expectTypeOf<ConvOutputSize<5, 7>>().toEqualTypeOf<never>();
  expectTypeOf<ConvOutputSize<16384, 3, 2, 1>>().toEqualTypeOf<8192>();
  expectTypeOf<ConvOutputSize<number, 3>>().toEqualTypeOf<number>();
  expectTypeOf<ConvOutputSize<32, 3, 1, number>>().toEqualTypeOf<number>();
});
