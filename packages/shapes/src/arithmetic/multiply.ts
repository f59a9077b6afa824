import type { AddDigits } from './add.js';
import type { AreNaturals, Digit, DigitsOf, DigitTuple, HeadDigit, Reverse, SplitTens, StripZeros, TailDigits, ToNumber } from './digits.js';

/** A tuple of length Left × Right for two digits (at most 81 elements). */
type DigitProduct<Left extends Digit, Right extends Digit, Product extends unknown[] = [], Count extends unknown[] = []> =
  `${Count['length']}` extends Right ? Product : DigitProduct<Left, Right, [...Product, ...DigitTuple[Left]], [...Count, 0]>;

/** Multiplies a reversed digit string by one digit, least significant digit first. */
type MultiplyDigitReversed<Left extends string, Factor extends Digit, Carry extends Digit = '0'> = Left extends ''
  ? Carry extends '0'
    ? ''
    : Carry
  : SplitTens<[...DigitProduct<HeadDigit<Left>, Factor>, ...DigitTuple[Carry]]['length']> extends [
        infer Ones extends Digit,
        infer Next extends Digit,
      ]
    ? `${Ones}${MultiplyDigitReversed<TailDigits<Left>, Factor, Next>}`
    : never;

/** Multiplies a digit string by one digit: "64" × "4" → "256". */
export type MultiplyByDigit<Left extends string, Factor extends Digit> = StripZeros<
  Reverse<MultiplyDigitReversed<Reverse<Left>, Factor>>
>;

/** Long multiplication of digit strings, one digit of `Right` at a time (Horner). */
export type MultiplyDigits<Left extends string, Right extends string, Product extends string = '0'> =
  Right extends `${infer First extends Digit}${infer Rest}`
    ? MultiplyDigits<Left, Rest, AddDigits<Product extends '0' ? '0' : `${Product}0`, MultiplyByDigit<Left, First>>>
    : Product;

/**
 * The product of two natural-number literals.
 *
 * @example
 * ```ts
 * type A = Multiply<64, 4>;   // 256
 * type B = Multiply<7, 7>;    // 49
 * type C = Multiply<2048, 32>; // 65536
 * ```
 */
export type Multiply<Left extends number, Right extends number> = number extends Left
  ? number
  : number extends Right
    ? number
    : AreNaturals<Left, Right> extends true
      ? ToNumber<MultiplyDigits<DigitsOf<Left>, DigitsOf<Right>>>
      : never;
