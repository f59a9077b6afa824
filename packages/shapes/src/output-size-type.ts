import type { AddDigits } from './arithmetic/add.js';
import type { DigitsOf, ToNumber } from './arithmetic/digits.js';
import type { CeilDivideDigits, DivideDigits } from './arithmetic/divide.js';
import type { MultiplyByDigit, MultiplyDigits } from './arithmetic/multiply.js';
import type { SubtractDigits } from './arithmetic/subtract.js';
import type { Padding } from './output-size.js';

/** D·(K − 1) + 1 on digit strings. */
type EffectiveKernelDigits<Kernel extends string, Dilation extends string> = Dilation extends '1'
  ? Kernel
  : AddDigits<MultiplyDigits<Dilation, SubtractDigits<Kernel, '1'>>, '1'>;

/**
 * The output size on digit strings; a result starting with "-" means the window does not fit.
 * `Pad` is `'same'`, or the digits of P (`'0'` for `'valid'`).
 */
export type ConvOutputDigits<Size extends string, Kernel extends string, Stride extends string, Pad extends string, Dilation extends string> =
  Pad extends 'same'
    ? CeilDivideDigits<Size, Stride>
    : SubtractDigits<
          Pad extends '0' ? Size : AddDigits<Size, MultiplyByDigit<Pad, '2'>>,
          EffectiveKernelDigits<Kernel, Dilation>
        > extends infer Span extends string
      ? Span extends `-${string}`
        ? Span
        : AddDigits<Stride extends '1' ? Span : DivideDigits<Span, Stride>[0], '1'>
      : never;

/** The digits of a padding option: `'same'`, the digits of P, `'0'` for `'valid'`; unknown → never. */
export type PaddingDigits<Pad> = [Pad] extends ['same']
  ? 'same'
  : [Pad] extends ['valid']
    ? '0'
    : [Pad] extends [number]
      ? number extends Pad
        ? never
        : DigitsOf<Pad>
      : never;

/**
 * The output size of a convolution or pooling window along one axis, computed by the compiler:
 * `'same'` → ⌈H / S⌉; `'valid'` → ⌊(H − K′) / S⌋ + 1; P → ⌊(H + 2P − K′) / S⌋ + 1, with
 * K′ = D·(K − 1) + 1. `number` when any input is `number` (or the padding is not a literal);
 * `never` when the window does not fit. Exact for sizes far beyond 65,536. The run-time twin is
 * `convOutputSize`.
 *
 * @example
 * ```ts
 * type Stem = ConvOutputSize<224, 7, 2, 3>;        // 112
 * type Same = ConvOutputSize<7, 3, 2, 'same'>;     // 4
 * type Valid = ConvOutputSize<32, 5, 1, 'valid'>;  // 28
 * type Dilated = ConvOutputSize<32, 3, 1, 0, 2>;   // 28
 * type TooBig = ConvOutputSize<5, 7>;              // never
 * ```
 */
export type ConvOutputSize<
  Size extends number,
  Kernel extends number,
  Stride extends number = 1,
  Pad extends Padding = 'valid',
  Dilation extends number = 1,
> = number extends Size | Kernel | Stride | Dilation
  ? number
  : [PaddingDigits<Pad>] extends [never]
    ? number
    : ConvOutputDigits<DigitsOf<Size>, DigitsOf<Kernel>, DigitsOf<Stride>, PaddingDigits<Pad>, DigitsOf<Dilation>> extends infer Result extends string
      ? Result extends `-${string}`
        ? never
        : ToNumber<Result>
      : never;
