import * as tf from '@tensorflow/tfjs-core';
import { resolveLiveSettings } from './live-settings.js';
import type { LiveExample, LiveProgress, LiveResult, LiveSettings, LiveSettingValue, LiveSize } from './live-types.js';

/** Options of {@link runLiveExample}. */
export interface RunLiveOptions {
  size: LiveSize;
  /** Values the reader chose for some of the example's knobs (checked; the rest keep their defaults). */
  settings?: Readonly<Record<string, LiveSettingValue>>;
  signal?: AbortSignal;
  onProgress?: (progress: LiveProgress) => void;
}

/** A finished run: the result, how long it took, and the tensor count before and after. */
export interface LiveRun {
  result: LiveResult;
  /** Wall-clock milliseconds of `run()`. */
  ms: number;
  /** The settings it ran with: every knob's value. */
  settings: LiveSettings;
  /** The backend that ran it (`tf.getBackend()`). */
  backend: string;
  /** `tf.memory().numTensors` before and after; equal when the example disposed everything. */
  tensors: { before: number; after: number };
}

/**
 * Runs a live example on the active TF.js backend (the caller chose it) and measures time and
 * leaked tensors. Used by the site in the browser and by the tests in Node.
 *
 * @param example - a registered live example.
 * @param options - `size` ('small' for tests), the reader's `settings`, a stop `signal`, and a progress callback.
 * @example
 * const { result, ms, tensors } = await runLiveExample(example, { size: 'small' });
 */
export async function runLiveExample(example: LiveExample, options: RunLiveOptions): Promise<LiveRun> {
  const settings = resolveLiveSettings(example, options.size, options.settings);
  const before = tf.memory().numTensors;
  const started = performance.now();
  const result = await example.run({
    size: options.size,
    settings,
    signal: options.signal ?? new AbortController().signal,
    onProgress: options.onProgress ?? (() => undefined),
  });
  const ms = performance.now() - started;
  return { result, ms, settings, backend: tf.getBackend(), tensors: { before, after: tf.memory().numTensors } };
}
