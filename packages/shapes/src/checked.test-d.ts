import { expectTypeOf, test } from 'vitest';
import type { Checked, IsShapeError, Poisoned, UnknownDims } from './checked.js';

test('Checked turns a shape error into the parameter type', () => {
  expectTypeOf<Checked<[number, 8], { units: 8 }>>().toEqualTypeOf<{ units: 8 }>();
  expectTypeOf<Checked<'shape error: x', { units: 8 }>>().toEqualTypeOf<'shape error: x'>();
  expectTypeOf<Checked<never, { units: 8 }>>().toEqualTypeOf<{ units: 8 }>();
});

test('Poisoned results are unknown shapes that later layers accept', () => {
  expectTypeOf<Poisoned<'shape error: x', [number, number]>>().toEqualTypeOf<[number, number]>();
  expectTypeOf<Poisoned<[number, 4], [number, number]>>().toEqualTypeOf<[number, 4]>();
  expectTypeOf<UnknownDims<[number, 8, 8, 16]>>().toEqualTypeOf<[number, number, number, number]>();
  expectTypeOf<IsShapeError<'shape error: x'>>().toEqualTypeOf<true>();
  expectTypeOf<IsShapeError<[number]>>().toEqualTypeOf<false>();
});
