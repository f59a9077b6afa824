import { expectTypeOf, test } from 'vitest';
import type { ConvOutputSize } from '../output-size-type.js';
import type { Padding } from '../output-size.js';
import type { convTable } from './conv-table.generated.js';

type Rows = typeof convTable;

/** The row itself when the type-level output size differs from the run-time formula's, else never. */
type Mismatch<Row> = Row extends readonly [
  infer Size extends number,
  infer Kernel extends number,
  infer Stride extends number,
  infer Pad extends Padding,
  infer Dilation extends number,
  infer Output extends number,
]
  ? [ConvOutputSize<Size, Kernel, Stride, Pad, Dilation>] extends [Output]
    ? [Output] extends [ConvOutputSize<Size, Kernel, Stride, Pad, Dilation>]
      ? never
      : Row
    : Row
  : Row;

/** Every row that disagrees (distributes over the union of rows). */
type Mismatches = Mismatch<Rows[number]>;

test('ConvOutputSize equals the run-time formula on every generated row', () => {
  expectTypeOf<Mismatches>().toEqualTypeOf<never>();
});

test('the table is not empty and has large sizes', () => {
  expectTypeOf<Extract<Rows[number], readonly [65537, ...unknown[]]>>().not.toEqualTypeOf<never>();
});
