// The typed functional API of @residual/core: every layer's output shape is known to the
// compiler, unknown sizes widen instead of erroring, and mistakes are errors on the wrong argument.
import { expectTypeOf, test } from 'vitest';
import {
  add,
  avgPool2d,
  basicBlock,
  batchNorm,
  bottleneck,
  conv2d,
  dense,
  flatten,
  globalAvgPool,
  input,
  maxPool2d,
  plainBlock,
  preactBlock,
  zeroPadShortcut,
  relu,
  type ShapeOf,
  type Sym,
} from '@residual/core';

test('input keeps literal sizes without as const', () => {
  const images = input([32, 32, 3]);
  expectTypeOf<ShapeOf<typeof images>>().toEqualTypeOf<[number, 32, 32, 3]>();
  const vectors = input([784]);
  expectTypeOf<ShapeOf<typeof vectors>>().toEqualTypeOf<[number, 784]>();
});

test('the ImageNet stem and a classifier head', () => {
  const images = input([224, 224, 3]);
  const stem = relu(batchNorm(conv2d(images, { filters: 64, kernelSize: 7, strides: 2, padding: 3, useBias: false })));
  expectTypeOf<ShapeOf<typeof stem>>().toEqualTypeOf<[number, 112, 112, 64]>();
  const pooled = maxPool2d(stem, { poolSize: 3, strides: 2, padding: 1 });
  expectTypeOf<ShapeOf<typeof pooled>>().toEqualTypeOf<[number, 56, 56, 64]>();
  const averaged = avgPool2d(pooled, { poolSize: 2 });
  expectTypeOf<ShapeOf<typeof averaged>>().toEqualTypeOf<[number, 28, 28, 64]>();
  const logits = dense(globalAvgPool(pooled), { units: 1000 });
  expectTypeOf<ShapeOf<typeof logits>>().toEqualTypeOf<[number, 1000]>();
  const flat = flatten(averaged);
  expectTypeOf<ShapeOf<typeof flat>>().toEqualTypeOf<[number, 50176]>();
});

test('blocks: identity, projection, bottleneck expansion, plain', () => {
  const x = input([32, 32, 64]);
  const same = basicBlock(x, { filters: 64 });
  expectTypeOf<ShapeOf<typeof same>>().toEqualTypeOf<[number, 32, 32, 64]>();
  const down = basicBlock(same, { filters: 128, strides: 2, shortcut: 'projection' });
  expectTypeOf<ShapeOf<typeof down>>().toEqualTypeOf<[number, 16, 16, 128]>();
  const wide = bottleneck(down, { filters: 64, shortcut: 'projection' });
  expectTypeOf<ShapeOf<typeof wide>>().toEqualTypeOf<[number, 16, 16, 256]>();
  const plain = plainBlock(x, { filters: 32, strides: 2 });
  expectTypeOf<ShapeOf<typeof plain>>().toEqualTypeOf<[number, 16, 16, 32]>();
  const sum = add(same, x);
  expectTypeOf<ShapeOf<typeof sum>>().toEqualTypeOf<[number, 32, 32, 64]>();
});

test('the pre-activation block is typed like the others', () => {
  const x = input([32, 32, 16]);
  const same = preactBlock(x, { filters: 16 });
  expectTypeOf<ShapeOf<typeof same>>().toEqualTypeOf<[number, 32, 32, 16]>();
  const down = preactBlock(same, { filters: 32, strides: 2, shortcut: 'zero-pad' });
  expectTypeOf<ShapeOf<typeof down>>().toEqualTypeOf<[number, 16, 16, 32]>();
  const projected = preactBlock(same, { filters: 32, strides: 2, shortcut: 'projection' });
  expectTypeOf<ShapeOf<typeof projected>>().toEqualTypeOf<[number, 16, 16, 32]>();
  // @ts-expect-error — identity shortcut across a stride-2, 16→32 block
  preactBlock(x, { filters: 32, strides: 2 });
});

test("the paper's option A: a zero-pad shortcut goes wherever a projection would", () => {
  const x = input([32, 32, 16]);
  const down = basicBlock(x, { filters: 32, strides: 2, shortcut: 'zero-pad' });
  expectTypeOf<ShapeOf<typeof down>>().toEqualTypeOf<[number, 16, 16, 32]>();
  const wide = bottleneck(input([56, 56, 64]), { filters: 64, shortcut: 'zero-pad' });
  expectTypeOf<ShapeOf<typeof wide>>().toEqualTypeOf<[number, 56, 56, 256]>();
  const byHand = add(basicBlock(x, { filters: 32, strides: 2, shortcut: 'none' }), zeroPadShortcut(x, { channels: 32, strides: 2 }));
  expectTypeOf<ShapeOf<typeof byHand>>().toEqualTypeOf<[number, 16, 16, 32]>();
  // @ts-expect-error — zeros cannot remove channels: 64 → 32 needs a projection
  basicBlock(input([32, 32, 64]), { filters: 32, strides: 2, shortcut: 'zero-pad' });
  // @ts-expect-error — the same for the shortcut written by hand
  zeroPadShortcut(input([32, 32, 64]), { channels: 32 });
});

test('mistakes are errors on the argument that is wrong', () => {
  const x = input([32, 32, 64]);
  // @ts-expect-error — identity shortcut across a stride-2, 64→128 block
  basicBlock(x, { filters: 128, strides: 2 });
  // @ts-expect-error — the shortcut has the wrong shape
  add(basicBlock(x, { filters: 128, strides: 2, shortcut: 'projection' }), x);
  // @ts-expect-error — dense needs [N, features]
  dense(x, { units: 10 });
  // @ts-expect-error — 7×7 'valid' window on 5×5
  conv2d(input([5, 5, 3]), { filters: 8, kernelSize: 7 });
});

test('after an error the result is unknown, so later layers add no errors', () => {
  const x = input([32, 32, 64]);
  // @ts-expect-error — the one bug
  const broken = basicBlock(x, { filters: 128, strides: 2 });
  expectTypeOf<ShapeOf<typeof broken>>().toEqualTypeOf<[number, number, number, number]>();
  const next = dense(globalAvgPool(basicBlock(broken, { filters: 128 })), { units: 10 });
  expectTypeOf<ShapeOf<typeof next>>().toEqualTypeOf<[number, 10]>();
});

test('generic code (models as data) type-checks with unknown sizes', () => {
  function stage(x: Sym<[number, number, number, number]>, filters: number, blocks: number) {
    let out = basicBlock(x, { filters, strides: 2, shortcut: 'projection' });
    for (let index = 1; index < blocks; index++) out = basicBlock(out, { filters });
    return out;
  }
  const y = stage(input([32, 32, 16]), 32, 3);
  expectTypeOf<ShapeOf<typeof y>>().toEqualTypeOf<[number, number, number, number]>();
});
