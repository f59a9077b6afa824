import { expectTypeOf, test } from 'vitest';
import type { StageShortcut } from './stage-shortcut-type.js';

test("StageShortcut: _make_layer's rule, the same cases as stageShortcut's table", () => {
  expectTypeOf<StageShortcut<'projection', 2, 64, 128>>().toEqualTypeOf<'projection'>();
  expectTypeOf<StageShortcut<'projection', 1, 64, 256>>().toEqualTypeOf<'projection'>();
  expectTypeOf<StageShortcut<'projection', 2, 64, 64>>().toEqualTypeOf<'projection'>();
  expectTypeOf<StageShortcut<'projection', 1, 128, 128>>().toEqualTypeOf<'identity'>();
  expectTypeOf<StageShortcut<'zero-pad', 2, 16, 32>>().toEqualTypeOf<'zero-pad'>();
  expectTypeOf<StageShortcut<'zero-pad', 1, 32, 32>>().toEqualTypeOf<'identity'>();
  expectTypeOf<StageShortcut<'identity', 2, 16, 32>>().toEqualTypeOf<'identity'>();
  expectTypeOf<StageShortcut<'none', 2, 16, 32>>().toEqualTypeOf<'none'>();
  expectTypeOf<StageShortcut<'none', 1, 16, 16>>().toEqualTypeOf<'none'>();
});

test('StageShortcut: unknown sizes allow both, which no block refuses', () => {
  expectTypeOf<StageShortcut<'projection', 1, number, 16>>().toEqualTypeOf<'projection' | 'identity'>();
  expectTypeOf<StageShortcut<'zero-pad', number, 16, 16>>().toEqualTypeOf<'zero-pad' | 'identity'>();
});
