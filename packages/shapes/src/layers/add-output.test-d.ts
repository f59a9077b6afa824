import { expectTypeOf, test } from 'vitest';
import type { AddOutput, ProjectionHint, ZeroPadHint } from './add-output.js';

test('AddOutput needs agreeing shapes and keeps the more precise dimension', () => {
  expectTypeOf<AddOutput<[number, 8, 8, 16], [number, 8, 8, 16]>>().toEqualTypeOf<[number, 8, 8, 16]>();
  expectTypeOf<AddOutput<[number, number, 8, 16], [number, 8, 8, number]>>().toEqualTypeOf<[number, 8, 8, 16]>();
  expectTypeOf<AddOutput<number[], [number, 8]>>().toEqualTypeOf<number[]>();
});

test('a mismatch names the projection that would fix it', () => {
  expectTypeOf<ProjectionHint<[number, 16, 16, 128], [number, 32, 32, 64]>>().toEqualTypeOf<'1×1 conv, stride 2, 64→128'>();
  expectTypeOf<ProjectionHint<[number, 4, 4, 8], [number, 7, 7, 8]>>().toEqualTypeOf<'1×1 conv, stride 2, 8→8'>();
  expectTypeOf<AddOutput<[number, 16, 16, 128], [number, 32, 32, 64]>>().toEqualTypeOf<'shape error: add: inputs must have the same shape, but got [N,16,16,128] and [N,32,32,64] — project the second input with a shortcut conv (1×1 conv, stride 2, 64→128) and batchNorm, or zero-pad it (zeroPadShortcut, stride 2, 64→128)'>();
  expectTypeOf<AddOutput<[number, 16, 16, 32], [number, 32, 32, 64]>>().toEqualTypeOf<'shape error: add: inputs must have the same shape, but got [N,16,16,32] and [N,32,32,64] — project the second input with a shortcut conv (1×1 conv, stride 2, 64→32) and batchNorm'>();
  expectTypeOf<AddOutput<[number, 8, 8, 16], [number, 8, 8]>>().toEqualTypeOf<'shape error: add: inputs must have the same shape, but got [N,8,8,16] and [N,8,8] — make both inputs the same shape'>();
});

test('the zero-pad hint: only where zeros can add the channels', () => {
  expectTypeOf<ZeroPadHint<[number, 16, 16, 128], [number, 32, 32, 64]>>().toEqualTypeOf<'zeroPadShortcut, stride 2, 64→128'>();
  expectTypeOf<ZeroPadHint<[number, 56, 56, 64], [number, 56, 56, 64]>>().toEqualTypeOf<'zeroPadShortcut, stride 1, 64→64'>();
  expectTypeOf<ZeroPadHint<[number, 16, 16, 32], [number, 32, 32, 64]>>().toEqualTypeOf<never>();
  expectTypeOf<ZeroPadHint<[number, 32, 32, 64], [number, 16, 16, 64]>>().toEqualTypeOf<never>();
});
