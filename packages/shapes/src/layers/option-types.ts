// Reading layer options at the type level. Options arrive as `const` literals
// (`{ filters: 64; kernelSize: 3; strides: 2 }`); a missing key takes the default, a key whose
// type is wide (`number`, a union) stays wide, so the result widens to `number` instead of erroring.

/** The type of option `Key`, or `Default` when the options do not have it. */
export type OptionOf<Options, Key extends string, Default> = Key extends keyof Options
  ? Exclude<Options[Key], undefined>
  : Default;

/** The height (`'h'`) or width (`'w'`) part of a `PairOption` (`3` or `[3, 5]`). */
export type PairPart<Value, Axis extends 'h' | 'w'> = Value extends readonly [infer Height, infer Width]
  ? Axis extends 'h'
    ? Height
    : Width
  : Value;

/** A number as message text: a literal prints itself, `number` prints `?`. */
export type NumberText<Value> = number extends Value ? '?' : Value extends number ? `${Value}` : '?';

/** A window size as message text: `3×3`, `3×5`. */
export type PairText<Value> = `${NumberText<PairPart<Value, 'h'>>}×${NumberText<PairPart<Value, 'w'>>}`;

/** A padding option as message text: `1`, `'same'`. */
export type PaddingText<Pad> = Pad extends string ? `'${Pad}'` : NumberText<Pad>;

/** Narrows a value to `number` for arithmetic (`number` when it is not a number literal). */
export type AsNumber<Value> = Value extends number ? Value : number;
