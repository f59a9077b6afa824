import { expectTypeOf, test } from 'vitest';
import type { Conv2dOutput, Pool2dOutput } from './window-output.js';

test('Conv2dOutput follows each padding rule', () => {
  expectTypeOf<Conv2dOutput<[number, 224, 224, 3], { filters: 64; kernelSize: 7; strides: 2; padding: 3 }>>().toEqualTypeOf<[number, 112, 112, 64]>();
  expectTypeOf<Conv2dOutput<[number, 7, 7, 8], { filters: 16; kernelSize: 3; strides: 2; padding: 'same' }>>().toEqualTypeOf<[number, 4, 4, 16]>();
  expectTypeOf<Conv2dOutput<[number, 32, 32, 3], { filters: 16; kernelSize: 5 }>>().toEqualTypeOf<[number, 28, 28, 16]>();
  expectTypeOf<Conv2dOutput<[number, 32, 32, 3], { filters: 16; kernelSize: 3; padding: 0; dilationRate: 2 }>>().toEqualTypeOf<[number, 28, 28, 16]>();
  expectTypeOf<Conv2dOutput<[number, 32, 32, 3], { filters: 16; kernelSize: [3, 5]; strides: [1, 2] }>>().toEqualTypeOf<[number, 30, 14, 16]>();
  expectTypeOf<Conv2dOutput<readonly [8, 65536, 65536, 1], { filters: 2; kernelSize: 3; strides: 2; padding: 1 }>>().toEqualTypeOf<[8, 32768, 32768, 2]>();
});

test('unknown dimensions and options widen to number', () => {
  expectTypeOf<Conv2dOutput<[number, number, 32, 3], { filters: 16; kernelSize: 3; padding: 1 }>>().toEqualTypeOf<[number, number, 32, 16]>();
  expectTypeOf<Conv2dOutput<[number, 32, 32, 3], { filters: number; kernelSize: number }>>().toEqualTypeOf<[number, number, number, number]>();
  expectTypeOf<Conv2dOutput<number[], { filters: 8; kernelSize: 3 }>>().toEqualTypeOf<[number, number, number, 8]>();
  expectTypeOf<Conv2dOutput<[number, 32, 32, 3], { filters: 8; kernelSize: 3; padding: 'same' | 'valid' }>>().toEqualTypeOf<[number, number, number, 8]>();
});

test('Conv2dOutput errors name the layer, the shapes and the fix', () => {
  expectTypeOf<Conv2dOutput<[number, 5, 5, 3], { filters: 64; kernelSize: 7 }>>().toEqualTypeOf<"shape error: conv2d: kernel 7×7 must fit the input, but got [N,5,5,3] with padding 'valid' — use padding 'same', a smaller kernelSize or a larger input">();
  expectTypeOf<Conv2dOutput<[number, 784], { filters: 8; kernelSize: 3 }>>().toEqualTypeOf<'shape error: conv2d: input must be rank 4 [N,H,W,C], but got [N,784] — pass a batch of feature maps, NHWC'>();
  expectTypeOf<Conv2dOutput<[number, 32, 32, 3], { filters: 8; kernelSize: 3; strides: 2; dilationRate: 2 }>>().toEqualTypeOf<'shape error: conv2d: strides or dilationRate must be 1 (TF.js), but got strides 2×2 and dilationRate 2×2 — use a stride or a dilation, not both'>();
});

test('Pool2dOutput keeps the channels; strides default to the pool size', () => {
  expectTypeOf<Pool2dOutput<[number, 112, 112, 64], { poolSize: 3; strides: 2; padding: 1 }>>().toEqualTypeOf<[number, 56, 56, 64]>();
  expectTypeOf<Pool2dOutput<[number, 32, 32, 16], { poolSize: 2 }>>().toEqualTypeOf<[number, 16, 16, 16]>();
  expectTypeOf<Pool2dOutput<[number, 7, 7, 16], { poolSize: 2; padding: 'same' }>>().toEqualTypeOf<[number, 4, 4, 16]>();
  expectTypeOf<Pool2dOutput<[number, 112, 112, 64], { poolSize: 3; strides: 2; padding: 2 }, 'maxPool2d'>>().toEqualTypeOf<'shape error: maxPool2d: padding must be at most half the pool size, but got padding 2 for poolSize 3×3 — use padding ≤ 1'>();
});
