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

/** What a live example receives; the TF.js backend is already chosen by the caller. */
export interface LiveContext {
  size: LiveSize;
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
  run(ctx: LiveContext): Promise<LiveResult>;
}
