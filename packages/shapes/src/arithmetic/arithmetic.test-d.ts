import { expectTypeOf, test } from 'vitest';
import type { Add } from './add.js';
import type { Compare } from './compare.js';
import type { CeilDivide, FloorDivide } from './divide.js';
import type { Multiply } from './multiply.js';
import type { Subtract } from './subtract.js';

test('Add carries across digits and stays exact past 65,536', () => {
  expectTypeOf<Add<0, 0>>().toEqualTypeOf<0>();
  expectTypeOf<Add<224, 6>>().toEqualTypeOf<230>();
  expectTypeOf<Add<999, 1>>().toEqualTypeOf<1000>();
  expectTypeOf<Add<1, 99999>>().toEqualTypeOf<100000>();
  expectTypeOf<Add<65535, 1>>().toEqualTypeOf<65536>();
  expectTypeOf<Add<65536, 65536>>().toEqualTypeOf<131072>();
  expectTypeOf<Add<123456789, 987654321>>().toEqualTypeOf<1111111110>();
});

test('Subtract borrows and marks negative results', () => {
  expectTypeOf<Subtract<230, 7>>().toEqualTypeOf<223>();
  expectTypeOf<Subtract<1000, 1>>().toEqualTypeOf<999>();
  expectTypeOf<Subtract<5, 5>>().toEqualTypeOf<0>();
  expectTypeOf<Subtract<3, 7>>().toEqualTypeOf<-4>();
  expectTypeOf<Subtract<7, 1000>>().toEqualTypeOf<-993>();
  expectTypeOf<Subtract<65536, 65535>>().toEqualTypeOf<1>();
});

test('Multiply does long multiplication', () => {
  expectTypeOf<Multiply<64, 4>>().toEqualTypeOf<256>();
  expectTypeOf<Multiply<0, 512>>().toEqualTypeOf<0>();
  expectTypeOf<Multiply<99, 99>>().toEqualTypeOf<9801>();
  expectTypeOf<Multiply<256, 256>>().toEqualTypeOf<65536>();
  expectTypeOf<Multiply<2048, 32>>().toEqualTypeOf<65536>();
  expectTypeOf<Multiply<12345, 678>>().toEqualTypeOf<8369910>();
});

test('FloorDivide and CeilDivide do long division', () => {
  expectTypeOf<FloorDivide<221, 2>>().toEqualTypeOf<110>();
  expectTypeOf<FloorDivide<7, 8>>().toEqualTypeOf<0>();
  expectTypeOf<FloorDivide<65536, 3>>().toEqualTypeOf<21845>();
  expectTypeOf<FloorDivide<1000000, 7>>().toEqualTypeOf<142857>();
  expectTypeOf<FloorDivide<56, 56>>().toEqualTypeOf<1>();
  expectTypeOf<CeilDivide<7, 2>>().toEqualTypeOf<4>();
  expectTypeOf<CeilDivide<32, 2>>().toEqualTypeOf<16>();
  expectTypeOf<CeilDivide<100000, 7>>().toEqualTypeOf<14286>();
  expectTypeOf<CeilDivide<0, 3>>().toEqualTypeOf<0>();
  expectTypeOf<FloorDivide<5, 0>>().toEqualTypeOf<never>();
});

test('Compare orders by length, then digit by digit', () => {
  expectTypeOf<Compare<7, 32>>().toEqualTypeOf<'lt'>();
  expectTypeOf<Compare<100, 99>>().toEqualTypeOf<'gt'>();
  expectTypeOf<Compare<65536, 65536>>().toEqualTypeOf<'eq'>();
  expectTypeOf<Compare<123, 132>>().toEqualTypeOf<'lt'>();
});

test('an unknown `number` widens the result instead of erroring', () => {
  expectTypeOf<Add<number, 6>>().toEqualTypeOf<number>();
  expectTypeOf<Subtract<6, number>>().toEqualTypeOf<number>();
  expectTypeOf<Multiply<number, 4>>().toEqualTypeOf<number>();
  expectTypeOf<FloorDivide<number, 2>>().toEqualTypeOf<number>();
  expectTypeOf<CeilDivide<32, number>>().toEqualTypeOf<number>();
  expectTypeOf<Compare<number, 3>>().toEqualTypeOf<'lt' | 'eq' | 'gt'>();
});

test('anything but a natural-number literal gives never', () => {
  expectTypeOf<Add<1.5, 1>>().toEqualTypeOf<never>();
  expectTypeOf<Add<-1, 1>>().toEqualTypeOf<never>();
  expectTypeOf<Multiply<1e21, 2>>().toEqualTypeOf<never>();
});
