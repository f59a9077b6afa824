import type { AreNaturals, Digit, DigitsOf, DigitTuple, HeadDigit, Reverse, SplitTens, TailDigits, ToNumber } from './digits.js';

/** One column of an addition: `[sum digit, carry]`. */
type AddColumn<Left extends Digit, Right extends Digit, Carry extends Digit> = SplitTens<
  [...DigitTuple[Left], ...DigitTuple[Right], ...DigitTuple[Carry]]['length']
>;

/** Adds two reversed digit strings, least significant digit first. */
type AddReversed<Left extends string, Right extends string, Carry extends Digit = '0'> = [Left, Right] extends ['', '']
  ? Carry extends '0'
    ? ''
    : Carry
  : AddColumn<HeadDigit<Left>, HeadDigit<Right>, Carry> extends [infer Sum extends Digit, infer Next extends Digit]
    ? `${Sum}${AddReversed<TailDigits<Left>, TailDigits<Right>, Next>}`
    : never;

/** Adds two digit strings: "224" + "6" → "230". */
export type AddDigits<Left extends string, Right extends string> = Reverse<AddReversed<Reverse<Left>, Reverse<Right>>>;

/**
 * The sum of two natural-number literals, exact for any size a shape can have (digit-string
 * arithmetic, not tuple lengths). `number` in, `number` out.
 *
 * @example
 * ```ts
 * type A = Add<224, 6>;        // 230
 * type B = Add<65536, 65536>;  // 131072
 * type C = Add<number, 6>;     // number
 * ```
 */
export type Add<Left extends number, Right extends number> = number extends Left
  ? number
  : number extends Right
    ? number
    : AreNaturals<Left, Right> extends true
      ? ToNumber<AddDigits<DigitsOf<Left>, DigitsOf<Right>>>
      : never;
