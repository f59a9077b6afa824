// Decimal digit strings: the representation of the type-level arithmetic. A natural number is
// the string of its digits ("224"); a negative result carries a leading "-" marker ("-3").
// Each operation walks the digits once, with tiny tuples (at most 89 elements) for one digit
// step, so the cost grows with the number of digits, not with the size of the number.

/** One decimal digit. */
export type Digit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';

/** A tuple of each digit's length: the only place where digits become counts. */
export interface DigitTuple {
  '0': [];
  '1': [0];
  '2': [0, 0];
  '3': [0, 0, 0];
  '4': [0, 0, 0, 0];
  '5': [0, 0, 0, 0, 0];
  '6': [0, 0, 0, 0, 0, 0];
  '7': [0, 0, 0, 0, 0, 0, 0];
  '8': [0, 0, 0, 0, 0, 0, 0, 0];
  '9': [0, 0, 0, 0, 0, 0, 0, 0, 0];
}

/** Splits a count 0…99 into `[ones, tens]` digits: 17 → ['7', '1']. */
export type SplitTens<Count> = Count extends number
  ? `${Count}` extends `${infer Tens extends Digit}${infer Ones extends Digit}`
    ? [Ones, Tens]
    : `${Count}` extends infer Ones extends Digit
      ? [Ones, '0']
      : never
  : never;

/** The first digit of a digit string ('0' when empty). */
export type HeadDigit<Digits extends string> = Digits extends `${infer First extends Digit}${string}` ? First : '0';

/** A digit string without its first digit. */
export type TailDigits<Digits extends string> = Digits extends `${Digit}${infer Rest}` ? Rest : '';

/** Reverses a string: "224" → "422" (addition walks from the least significant digit). */
export type Reverse<Text extends string, Reversed extends string = ''> = Text extends `${infer First}${infer Rest}`
  ? Reverse<Rest, `${First}${Reversed}`>
  : Reversed;

/** Removes leading zeros: "007" → "7", "000" → "0". */
export type StripZeros<Digits extends string> = Digits extends `0${infer Rest}`
  ? Rest extends ''
    ? '0'
    : StripZeros<Rest>
  : Digits;

/**
 * The digits of a natural-number literal type, or `never` for anything else (negative,
 * fractional, exponent notation, `number`).
 */
export type DigitsOf<Value extends number> = `${Value}` extends `${Digit}${string}`
  ? `${Value}` extends `${string}${'.' | 'e' | '-'}${string}`
    ? never
    : `${Value}`
  : never;

/** The number literal type of a digit string (with an optional "-" marker): "-3" → -3. */
export type ToNumber<Digits extends string> = Digits extends `${infer Value extends number}` ? Value : never;

/** True when both are natural-number literals (so their digit strings exist). */
export type AreNaturals<Left extends number, Right extends number> = [DigitsOf<Left>] extends [never]
  ? false
  : [DigitsOf<Right>] extends [never]
    ? false
    : true;
