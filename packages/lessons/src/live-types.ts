/**
 * The contract between a live example (in `examples/`), the site that runs it in the reader's
 * browser, and the tests that run it in Node. See ARCHITECTURE.md.
 */

/** How big a run is: `small` for CI and end-to-end tests, `full` for readers. */
export type LiveSize = 'small' | 'full';

/** Progress of a running example, reported per step. */
export interface LiveProgress {
  step: number;
  total: number;
  message?: string;
}

/** A setting's value: a number, one of a choice's options, or on/off. */
export type LiveSettingValue = number | string | boolean;

/** The value of every knob of an example, by key. */
export type LiveSettings = Readonly<Record<string, LiveSettingValue>>;

/** What every knob declares: its key (the page labels it with `live.text.<key>` from the UI files). */
interface KnobBase {
  /** The setting's name in `ctx.settings` and in the page's URL (`?<id>.<key>=…`). */
  readonly key: string;
}

/**
 * A number the reader can change: `integer` or `number`, from `min` to `max` in steps of `step`
 * (default 1 for integers). `scale: 'log'` for rates spread over decades (a learning rate).
 */
export interface LiveNumberKnob extends KnobBase {
  readonly kind: 'integer' | 'number';
  readonly min: number;
  readonly max: number;
  readonly step?: number;
  readonly scale?: 'linear' | 'log';
  /** The value the lesson's text is computed with (the first Run shows the text's numbers). */
  readonly default: number;
  /** The value for `size: 'small'` runs (CI), when it must differ from `default`. */
  readonly small?: number;
}

/** One of a few values (strings or numbers); each option is labelled with `live.text.<option>`. */
export interface LiveChoiceKnob extends KnobBase {
  readonly kind: 'choice';
  readonly options: readonly (string | number)[];
  readonly default: string | number;
  readonly small?: string | number;
}

/** On or off. */
export interface LiveToggleKnob extends KnobBase {
  readonly kind: 'toggle';
  readonly default: boolean;
  readonly small?: boolean;
}

/** A setting of a live example that the page shows as a labelled control. */
export type LiveKnob = LiveNumberKnob | LiveChoiceKnob | LiveToggleKnob;

/** What a live example receives; the TF.js backend is already chosen by the caller. */
export interface LiveContext {
  size: LiveSize;
  /**
   * The value of each of the example's knobs: its `default` (its `small` value in small runs)
   * unless the reader changed it. Always complete and within the knobs' ranges.
   */
  settings: LiveSettings;
  /** Aborted when the reader presses stop; examples check it between steps. */
  signal: AbortSignal;
  onProgress(progress: LiveProgress): void;
}

/** One line of a chart: points are `[x, y]`. */
export interface LiveSeries {
  name: string;
  points: Array<[number, number]>;
}

/** A chart the site draws from a result. */
export interface LiveChart {
  title: string;
  x: string;
  y: string;
  log?: boolean;
  series: LiveSeries[];
}

/** What a live example returns: a summary (compared between Node and the browser), measured figures and charts. */
export interface LiveResult {
  summary: Record<string, number | string>;
  /**
   * Figures measured on the machine that ran it (timings, kernel counts of its backend): shown apart
   * from the summary, with a note that they change from run to run, and never compared between Node
   * and the browser.
   */
  measured?: Record<string, number | string>;
  charts?: LiveChart[];
}

/**
 * A live example: deterministic (seeded weights and data), so browser and Node results agree.
 *
 * Read tensor values with `await tensor.data()`, never `dataSync()` / `arraySync()`: on the
 * WebGPU backend a synchronous read goes through a canvas and returns zeros in headless Chromium
 * (and blocks the page elsewhere). Dispose every tensor; check `signal` between steps.
 */
export interface LiveExample {
  id: string;
  /**
   * The few settings worth changing (depth, width, steps, learning rate…), in the order the page
   * shows them. Their defaults are the configuration the lesson's text quotes: the lesson's
   * `numbers()` runs the example with them, so the reader's first Run shows the text's numbers.
   */
  knobs?: readonly LiveKnob[];
  run(ctx: LiveContext): Promise<LiveResult>;
}
