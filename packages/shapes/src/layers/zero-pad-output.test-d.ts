import { expectTypeOf, test } from 'vitest';
import type { ShortcutFix, ZeroPadOutput } from './zero-pad-output.js';

test("ZeroPadOutput: option A's shape, ⌈H/S⌉ and the padded channels", () => {
  expectTypeOf<ZeroPadOutput<[number, 32, 32, 16], { channels: 32; strides: 2 }>>().toEqualTypeOf<[number, 16, 16, 32]>();
  expectTypeOf<ZeroPadOutput<[number, 7, 5, 16], { channels: 16; strides: 2 }>>().toEqualTypeOf<[number, 4, 3, 16]>();
  expectTypeOf<ZeroPadOutput<[number, 8, 8, 3], { channels: 5 }>>().toEqualTypeOf<[number, 8, 8, 5]>();
  expectTypeOf<ZeroPadOutput<[number, 8, 8, number], { channels: 5 }>>().toEqualTypeOf<[number, 8, 8, 5]>();
});

test('ZeroPadOutput: channels that would shrink and wrong ranks are errors', () => {
  expectTypeOf<ZeroPadOutput<[number, 8, 8, 64], { channels: 32 }>>().toEqualTypeOf<'shape error: zeroPadShortcut: zero-pad shortcut must keep every input channel, but got 64→32 — use a 1×1 conv (conv2d with kernelSize 1) and batchNorm'>();
  expectTypeOf<ZeroPadOutput<[number, 64], { channels: 8 }>>().toEqualTypeOf<'shape error: zeroPadShortcut: input must be rank 4 [N,H,W,C], but got [N,64] — pass a batch of feature maps, NHWC'>();
});

test('ShortcutFix: the projection, and the zero-pad unless channels shrink', () => {
  expectTypeOf<ShortcutFix<2, 64, 128>>().toEqualTypeOf<"use shortcut: 'projection' (1×1 conv, stride 2, 64→128) or 'zero-pad' (no parameters, stride 2, 64→128)">();
  expectTypeOf<ShortcutFix<2, 64, 32>>().toEqualTypeOf<"use shortcut: 'projection' (1×1 conv, stride 2, 64→32)">();
  expectTypeOf<ShortcutFix<2, number, 32>>().toEqualTypeOf<"use shortcut: 'projection' (1×1 conv, stride 2, ?→32) or 'zero-pad' (no parameters, stride 2, ?→32)">();
});
