import type { AddDigits } from './add.js';
import type { CompareDigits } from './compare.js';
import type { AreNaturals, Digit, DigitsOf, StripZeros, ToNumber } from './digits.js';
import type { MultiplyByDigit } from './multiply.js';
import type { SubtractDigits } from './subtract.js';

type DigitsDescending = ['9', '8', '7', '6', '5', '4', '3', '2', '1', '0'];

/** One step of long division: the largest digit Q with Q × Divisor ≤ Value, and the remainder. */
type DivideStep<Value extends string, Divisor extends string, Candidates extends Digit[] = DigitsDescending> =
  Candidates extends [infer Quotient extends Digit, ...infer Others extends Digit[]]
    ? CompareDigits<MultiplyByDigit<Divisor, Quotient>, Value> extends 'gt'
      ? DivideStep<Value, Divisor, Others>
      : [Quotient, SubtractDigits<Value, MultiplyByDigit<Divisor, Quotient>>]
    : never;

/**
 * Long division of digit strings, left to right: `[quotient, remainder]`. The divisor is small
 * (a stride), so each step tries at most ten multiples of it.
 */
export type DivideDigits<Dividend extends string, Divisor extends string, Quotient extends string = '', Remainder extends string = '0'> =
  Dividend extends `${infer Next extends Digit}${infer Rest}`
    ? DivideStep<StripZeros<`${Remainder}${Next}`>, Divisor> extends [infer Step extends Digit, infer Left extends string]
      ? DivideDigits<Rest, Divisor, `${Quotient}${Step}`, Left>
      : never
    : [StripZeros<Quotient>, Remainder];

/** ⌈Dividend / Divisor⌉ on digit strings. */
export type CeilDivideDigits<Dividend extends string, Divisor extends string> =
  DivideDigits<Dividend, Divisor> extends [infer Quotient extends string, infer Remainder extends string]
    ? Remainder extends '0'
      ? Quotient
      : AddDigits<Quotient, '1'>
    : never;

/**
 * ⌊Dividend / Divisor⌋ of natural-number literals (long division); `never` for a zero divisor.
 *
 * @example
 * ```ts
 * type A = FloorDivide<221, 2>; // 110
 * type B = FloorDivide<7, 8>;   // 0
 * ```
 */
export type FloorDivide<Dividend extends number, Divisor extends number> = number extends Dividend
  ? number
  : number extends Divisor
    ? number
    : Divisor extends 0
      ? never
      : AreNaturals<Dividend, Divisor> extends true
        ? ToNumber<DivideDigits<DigitsOf<Dividend>, DigitsOf<Divisor>>[0]>
        : never;

/**
 * ⌈Dividend / Divisor⌉ of natural-number literals; `never` for a zero divisor.
 *
 * @example
 * ```ts
 * type A = CeilDivide<7, 2>;  // 4
 * type B = CeilDivide<32, 2>; // 16
 * ```
 */
export type CeilDivide<Dividend extends number, Divisor extends number> = number extends Dividend
  ? number
  : number extends Divisor
    ? number
    : Divisor extends 0
      ? never
      : AreNaturals<Dividend, Divisor> extends true
        ? ToNumber<CeilDivideDigits<DigitsOf<Dividend>, DigitsOf<Divisor>>>
        : never;
