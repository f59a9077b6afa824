import { parseArgs } from 'node:util';
import { formatBytes } from '../training/train/format-bytes.js';
import { UsageError } from './usage-error.js';

/** How each option is written: `--name <text>` or a bare `--flag`. */
export type OptionSpecs = Record<string, { readonly type: 'string' | 'boolean' }>;

/** The parsed values of {@link OptionSpecs}, plus `help`. */
export type OptionValues<Specs extends OptionSpecs> = {
  readonly [Name in keyof Specs]?: Specs[Name]['type'] extends 'string' ? string : boolean;
} & { readonly help?: boolean };

/**
 * Parses a command's arguments with `node:util`'s `parseArgs`, turning its errors into
 * {@link UsageError}s that name the command and point at `--help`.
 *
 * @param command - e.g. `train`, for messages.
 * @param args - the arguments after the command name.
 * @param options - the option specs (`--help` is added).
 * @returns the values and the positional arguments.
 * @example
 * const { values } = parseOptions('eval', ['--checkpoint', 'runs/a'], { checkpoint: { type: 'string' } });
 */
export function parseOptions<Specs extends OptionSpecs>(
  command: string,
  args: readonly string[],
  options: Specs,
): { values: OptionValues<Specs>; positionals: string[] } {
  try {
    return parseArgs({
      args: joinNegativeValues(args, options),
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }) as { values: OptionValues<Specs>; positionals: string[] };
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(`residual ${command}: ${message}. See residual ${command} --help.`);
  }
}

/**
 * `--epochs -1` as `--epochs=-1`: parseArgs would take `-1` for an option and answer that the
 * value is "ambiguous"; joined, the value reaches the range check, which names the rule.
 */
function joinNegativeValues(args: readonly string[], options: OptionSpecs): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string; // i < args.length
    const next = args[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && /^-(\d|\.\d|Infinity|NaN)/.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

/**
 * Reads a numeric option, checking its range.
 *
 * @param command - for messages.
 * @param name - the option's name without dashes.
 * @param raw - the text given, or `undefined`.
 * @param fallback - the default.
 * @param rule - `positive integer`, `positive`, or `non-negative`.
 * @returns the number.
 * @example
 * numberOption('train', 'epochs', '2', 10, 'positive integer'); // 2
 */
export function numberOption(
  command: string,
  name: string,
  raw: string | undefined,
  fallback: number,
  rule: 'positive integer' | 'positive' | 'non-negative' | 'fraction',
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  const ok =
    raw.trim() !== '' &&
    Number.isFinite(value) &&
    (rule === 'positive integer'
      ? Number.isInteger(value) && value > 0
      : rule === 'positive'
        ? value > 0
        : rule === 'fraction'
          ? value >= 0 && value < 1
          : value >= 0);
  if (!ok) {
    const what = rule === 'fraction' ? 'a number in [0, 1)' : `a ${rule} number`;
    throw new UsageError(`residual ${command}: --${name} must be ${what}, but got ${JSON.stringify(raw)}. See residual ${command} --help.`);
  }
  return value;
}

/**
 * Reads an option that must be one of a list.
 *
 * @param command - for messages.
 * @param name - the option's name.
 * @param raw - the text given, or `undefined`.
 * @param choices - allowed values; the first is the default.
 * @returns the chosen value.
 * @example
 * choiceOption('train', 'optimizer', 'adam', ['sgd', 'adam']); // 'adam'
 */
export function choiceOption<Choice extends string>(
  command: string,
  name: string,
  raw: string | undefined,
  choices: readonly [Choice, ...Choice[]],
): Choice {
  if (raw === undefined) return choices[0];
  if ((choices as readonly string[]).includes(raw)) return raw as Choice;
  throw new UsageError(
    `residual ${command}: --${name} must be one of ${choices.join(', ')}, but got ${JSON.stringify(raw)}. See residual ${command} --help.`,
  );
}

/**
 * Reads a `HxW` size such as `64x64`.
 *
 * @param command - for messages.
 * @param raw - the text, or `undefined`.
 * @returns `[height, width]`, or `undefined` when not given.
 * @example
 * sizeOption('predict', '32x32'); // [32, 32]
 */
export function sizeOption(command: string, raw: string | undefined): [number, number] | undefined {
  if (raw === undefined) return undefined;
  const match = /^(\d+)x(\d+)$/i.exec(raw.trim());
  if (match === null || !(Number(match[1]) > 0) || !(Number(match[2]) > 0)) {
    throw new UsageError(`residual ${command}: --resize must be <height>x<width> such as 32x32, but got ${JSON.stringify(raw)}.`);
  }
  const height = Number(match[1]);
  const width = Number(match[2]);
  if (height > maxResize || width > maxResize) {
    throw new UsageError(
      `residual ${command}: --resize must be at most ${maxResize}x${maxResize} (${formatBytes(maxResize * maxResize * 3)} an image as bytes, ` +
        `${formatBytes(maxResize * maxResize * 3 * 4)} as floats), but got ${raw}, which needs ${formatBytes(height * width * 3)} an image as bytes and ` +
        `${formatBytes(height * width * 3 * 4)} as floats. Use a size such as 224x224.`,
    );
  }
  return [height, width];
}

/** The largest side `--resize` accepts. */
export const maxResize = 4096;
