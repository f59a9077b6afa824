import type { LiveExample, LiveKnob, LiveSettings, LiveSettingValue, LiveSize } from './live-types.js';

/**
 * A knob's value for a run of this size: its `small` value in small runs when it has one, else its
 * `default`.
 *
 * @param knob - one of an example's knobs.
 * @param size - `small` (CI) or `full` (readers).
 * @example
 * knobDefault({ key: 'blocks', kind: 'integer', min: 1, max: 40, default: 8 }, 'full'); // 8
 */
export function knobDefault(knob: LiveKnob, size: LiveSize): LiveSettingValue {
  return size === 'small' && knob.small !== undefined ? knob.small : knob.default;
}

/** The rule a knob's values follow, in words: `an integer from 1 to 40`. */
function rule(knob: LiveKnob): string {
  switch (knob.kind) {
    case 'integer':
      return `an integer from ${knob.min} to ${knob.max}`;
    case 'number':
      return `a number from ${knob.min} to ${knob.max}`;
    case 'choice':
      return `one of ${knob.options.map(String).join(', ')}`;
    case 'toggle':
      return 'true or false';
  }
}

/**
 * Reads a knob's value from text (a URL parameter, a form field) and checks it against the knob.
 *
 * @param knob - the knob.
 * @param text - e.g. `'12'`, `'0.05'`, `'true'`, `'signed'`.
 * @returns the value, typed as the knob's kind.
 * @throws Error naming the knob, its rule and the value, when the text is not a valid value.
 * @example
 * parseKnobValue({ key: 'blocks', kind: 'integer', min: 1, max: 40, default: 8 }, '12'); // 12
 */
export function parseKnobValue(knob: LiveKnob, text: string): LiveSettingValue {
  const fail = (): never => {
    throw new Error(`live settings: ${knob.key} must be ${rule(knob)}, but got "${text}". Pick a value in that range or press Reset.`);
  };
  switch (knob.kind) {
    case 'integer':
    case 'number': {
      const value = text.trim() === '' ? Number.NaN : Number(text);
      if (!Number.isFinite(value) || value < knob.min || value > knob.max || (knob.kind === 'integer' && !Number.isInteger(value))) return fail();
      return value;
    }
    case 'choice': {
      const found = knob.options.find((option) => String(option) === text);
      return found ?? fail();
    }
    case 'toggle':
      return text === 'true' ? true : text === 'false' ? false : fail();
  }
}

/**
 * The complete settings of a run: every knob's default for this size, with `overrides` (checked)
 * on top. Keys that name no knob are an error too, so a typo in a URL is not silently ignored.
 *
 * @param example - the live example.
 * @param size - `small` or `full`.
 * @param overrides - values the reader chose, as values or as text.
 * @example
 * resolveLiveSettings(gradNorms, 'full', { blocks: '20' }); // { blocks: 20, channels: 8, … }
 */
export function resolveLiveSettings(example: Pick<LiveExample, 'id' | 'knobs'>, size: LiveSize, overrides: Readonly<Record<string, LiveSettingValue>> = {}): LiveSettings {
  const knobs = example.knobs ?? [];
  const settings: Record<string, LiveSettingValue> = {};
  for (const knob of knobs) settings[knob.key] = knobDefault(knob, size);
  for (const [key, value] of Object.entries(overrides)) {
    const knob = knobs.find((candidate) => candidate.key === key);
    if (knob === undefined) {
      throw new Error(`live settings: ${example.id} has no setting "${key}" (its settings: ${knobs.map((candidate) => candidate.key).join(', ') || 'none'}). Remove it from the URL or press Reset.`);
    }
    settings[key] = parseKnobValue(knob, String(value));
  }
  return settings;
}

/**
 * Reads a setting as a number, for an example's `run` (the knob guarantees it is one).
 *
 * @example
 * const blocks = numberSetting(ctx.settings, 'blocks');
 */
export function numberSetting(settings: LiveSettings, key: string): number {
  const value = settings[key];
  if (typeof value !== 'number') throw new Error(`live settings: ${key} must be a number, but got ${JSON.stringify(value)}. Declare it as an integer or number knob.`);
  return value;
}
