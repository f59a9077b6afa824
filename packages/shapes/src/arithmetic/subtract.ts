import type { CompareDigits } from './compare.js';
import type { AreNaturals, Digit, DigitsOf, DigitTuple, HeadDigit, Reverse, SplitTens, StripZeros, TailDigits, ToNumber } from './digits.js';

type Ten = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

/** One column of a subtraction: `[difference digit, borrow]`. */
type SubtractColumn<Left extends Digit, Right extends Digit, Borrow extends Digit> = [
  ...Ten,
  ...DigitTuple[Left],
] extends [...DigitTuple[Right], ...DigitTuple[Borrow], ...infer Rest]
  ? SplitTens<Rest['length']> extends [infer Difference extends Digit, infer Tens extends Digit]
    ? [Difference, Tens extends '1' ? '0' : '1']
    : never
  : never;

/** Subtracts reversed digit strings (Left ≥ Right), least significant digit first. */
type SubtractReversed<Left extends string, Right extends string, Borrow extends Digit = '0'> = Left extends ''
  ? ''
  : SubtractColumn<HeadDigit<Left>, HeadDigit<Right>, Borrow> extends [infer Difference extends Digit, infer Next extends Digit]
    ? `${Difference}${SubtractReversed<TailDigits<Left>, TailDigits<Right>, Next>}`
    : never;

type SubtractOrdered<Left extends string, Right extends string> = StripZeros<
  Reverse<SubtractReversed<Reverse<Left>, Reverse<Right>>>
>;

/**
 * Subtracts digit strings; a negative result carries the marker "-": "7" − "9" → "-2".
 */
export type SubtractDigits<Left extends string, Right extends string> = CompareDigits<Left, Right> extends 'lt'
  ? `-${SubtractOrdered<Right, Left>}`
  : SubtractOrdered<Left, Right>;

/**
 * The difference of two natural-number literals; negative when `Right > Left`.
 *
 * @example
 * ```ts
 * type A = Subtract<230, 7>; // 223
 * type B = Subtract<3, 7>;   // -4
 * ```
 */
export type Subtract<Left extends number, Right extends number> = number extends Left
  ? number
  : number extends Right
    ? number
    : AreNaturals<Left, Right> extends true
      ? ToNumber<SubtractDigits<DigitsOf<Left>, DigitsOf<Right>>>
      : never;
