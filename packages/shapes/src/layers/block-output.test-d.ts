import { expectTypeOf, test } from 'vitest';
import type { BlockOutput } from './block-output.js';

test('a block keeps the shape, or changes it with a projection', () => {
  expectTypeOf<BlockOutput<[number, 32, 32, 64], { filters: 64 }, 1, 'basicBlock'>>().toEqualTypeOf<[number, 32, 32, 64]>();
  expectTypeOf<BlockOutput<[number, 32, 32, 64], { filters: 128; strides: 2; shortcut: 'projection' }, 1, 'basicBlock'>>().toEqualTypeOf<[number, 16, 16, 128]>();
  expectTypeOf<BlockOutput<[number, 56, 56, 64], { filters: 64; shortcut: 'projection' }, 4, 'bottleneck'>>().toEqualTypeOf<[number, 56, 56, 256]>();
  expectTypeOf<BlockOutput<[number, 7, 7, 1024], { filters: 512; strides: 2; shortcut: 'projection' }, 4, 'bottleneck'>>().toEqualTypeOf<[number, 4, 4, 2048]>();
  expectTypeOf<BlockOutput<[number, 32, 32, 16], { filters: 32; strides: 2; shortcut: 'none' }, 1, 'plainBlock'>>().toEqualTypeOf<[number, 16, 16, 32]>();
});

test('an identity shortcut that cannot carry the input is an error that names the fix', () => {
  expectTypeOf<BlockOutput<[number, 32, 32, 64], { filters: 128; strides: 2 }, 1, 'basicBlock'>>().toEqualTypeOf<"shape error: basicBlock: residual add: main branch [N,16,16,128] vs identity shortcut [N,32,32,64] — use shortcut: 'projection' (1×1 conv, stride 2, 64→128) or 'zero-pad' (no parameters, stride 2, 64→128)">();
  expectTypeOf<BlockOutput<[number, 56, 56, 64], { filters: 64; shortcut: 'identity' }, 4, 'bottleneck'>>().toEqualTypeOf<"shape error: bottleneck: residual add: main branch [N,56,56,256] vs identity shortcut [N,56,56,64] — use shortcut: 'projection' (1×1 conv, stride 1, 64→256) or 'zero-pad' (no parameters, stride 1, 64→256)">();
  expectTypeOf<BlockOutput<[number, 32, 32, 64], { filters: 64; strides: 2 }, 1, 'basicBlock'>>().toEqualTypeOf<"shape error: basicBlock: residual add: main branch [N,16,16,64] vs identity shortcut [N,32,32,64] — use shortcut: 'projection' (1×1 conv, stride 2, 64→64) or 'zero-pad' (no parameters, stride 2, 64→64)">();
});

test('the zero-pad shortcut (option A) goes wherever a projection would, unless channels shrink', () => {
  expectTypeOf<BlockOutput<[number, 32, 32, 16], { filters: 32; strides: 2; shortcut: 'zero-pad' }, 1, 'basicBlock'>>().toEqualTypeOf<[number, 16, 16, 32]>();
  expectTypeOf<BlockOutput<[number, 56, 56, 64], { filters: 64; shortcut: 'zero-pad' }, 4, 'bottleneck'>>().toEqualTypeOf<[number, 56, 56, 256]>();
  expectTypeOf<BlockOutput<[number, 32, 32, 64], { filters: 64; shortcut: 'zero-pad' }, 1, 'basicBlock'>>().toEqualTypeOf<[number, 32, 32, 64]>();
  expectTypeOf<BlockOutput<[number, 32, 32, 64], { filters: 32; strides: 2; shortcut: 'zero-pad' }, 1, 'basicBlock'>>().toEqualTypeOf<"shape error: basicBlock: zero-pad shortcut must keep every input channel, but got 64→32 — use shortcut: 'projection' (1×1 conv, stride 2, 64→32)">();
  expectTypeOf<BlockOutput<[number, 32, 32, 64], { filters: 32; strides: 2 }, 1, 'basicBlock'>>().toEqualTypeOf<"shape error: basicBlock: residual add: main branch [N,16,16,32] vs identity shortcut [N,32,32,64] — use shortcut: 'projection' (1×1 conv, stride 2, 64→32)">();
});

test('what the compiler cannot know is not an error (gradual typing)', () => {
  expectTypeOf<BlockOutput<[number, number, number, number], { filters: number; strides: number }, 1, 'basicBlock'>>().toEqualTypeOf<[number, number, number, number]>();
  expectTypeOf<BlockOutput<[number, 32, 32, number], { filters: 64 }, 1, 'basicBlock'>>().toEqualTypeOf<[number, 32, 32, 64]>();
  expectTypeOf<BlockOutput<[number, 32, 32, 64], { filters: 128; strides: 2; shortcut: 'identity' | 'projection' }, 1, 'basicBlock'>>().toEqualTypeOf<[number, 16, 16, 128]>();
  expectTypeOf<BlockOutput<[number, 32, 32, number], { filters: 32; strides: 2; shortcut: 'zero-pad' }, 1, 'basicBlock'>>().toEqualTypeOf<[number, 16, 16, 32]>();
  expectTypeOf<BlockOutput<[number, 32, 32, number], { filters: 32; strides: 2 }, 1, 'basicBlock'>>().toEqualTypeOf<"shape error: basicBlock: residual add: main branch [N,16,16,32] vs identity shortcut [N,32,32,?] — use shortcut: 'projection' (1×1 conv, stride 2, ?→32) or 'zero-pad' (no parameters, stride 2, ?→32)">();
});
