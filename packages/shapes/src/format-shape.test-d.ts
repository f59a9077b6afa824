import { expectTypeOf, test } from 'vitest';
import type { FormatShape } from './format-shape.js';

test('FormatShape prints the compact text shape errors use', () => {
  expectTypeOf<FormatShape<[number, 16, 16, 128]>>().toEqualTypeOf<'[N,16,16,128]'>();
  expectTypeOf<FormatShape<[8, 28, 28, 1]>>().toEqualTypeOf<'[8,28,28,1]'>();
  expectTypeOf<FormatShape<[number, number, 3]>>().toEqualTypeOf<'[N,?,3]'>();
  expectTypeOf<FormatShape<readonly [number, 10]>>().toEqualTypeOf<'[N,10]'>();
  expectTypeOf<FormatShape<[]>>().toEqualTypeOf<'[]'>();
  expectTypeOf<FormatShape<number[]>>().toEqualTypeOf<'[...]'>();
});
