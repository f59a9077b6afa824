import type { AreNaturals, Digit, DigitsOf, DigitTuple } from './digits.js';

/** The order of two numbers. */
export type Order = 'lt' | 'eq' | 'gt';

type CompareLength<Left extends string, Right extends string> = Left extends `${Digit}${infer LeftRest}`
  ? Right extends `${Digit}${infer RightRest}`
    ? CompareLength<LeftRest, RightRest>
    : 'gt'
  : Right extends ''
    ? 'eq'
    : 'lt';

type CompareDigit<Left extends Digit, Right extends Digit> = Left extends Right
  ? 'eq'
  : DigitTuple[Left] extends [...DigitTuple[Right], ...unknown[]]
    ? 'gt'
    : 'lt';

type CompareSameLength<Left extends string, Right extends string> = Left extends `${infer LeftFirst extends Digit}${infer LeftRest}`
  ? Right extends `${infer RightFirst extends Digit}${infer RightRest}`
    ? CompareDigit<LeftFirst, RightFirst> extends 'eq'
      ? CompareSameLength<LeftRest, RightRest>
      : CompareDigit<LeftFirst, RightFirst>
    : 'gt'
  : 'eq';

/** Compares two digit strings without leading zeros. */
export type CompareDigits<Left extends string, Right extends string> = CompareLength<Left, Right> extends 'eq'
  ? CompareSameLength<Left, Right>
  : CompareLength<Left, Right>;

/**
 * The order of two natural-number literals: `'lt'`, `'eq'` or `'gt'` (`Order` when either is
 * `number`).
 *
 * @example
 * ```ts
 * type A = Compare<7, 32>;  // 'lt'
 * type B = Compare<100, 99>; // 'gt'
 * ```
 */
export type Compare<Left extends number, Right extends number> = number extends Left
  ? Order
  : number extends Right
    ? Order
    : AreNaturals<Left, Right> extends true
      ? CompareDigits<DigitsOf<Left>, DigitsOf<Right>>
      : never;
