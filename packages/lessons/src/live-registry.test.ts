import { expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { useCpuBackend } from './node-backend.js';
import { loadLiveExample, loadLiveExamples } from './live-registry.js';
import { runLiveExample } from './live-runner.js';
import type { LiveExample } from './live-types.js';

const example = (id: string): LiveExample => ({ id, run: async () => ({ summary: {} }) });

test('a registry loads each example on demand; keys must match ids', async () => {
  const loaded: string[] = [];
  const registry = { a: async () => (loaded.push('a'), example('a')), b: async () => (loaded.push('b'), example('b')) };
  await expect(loadLiveExample(registry, 'b').then((item) => item.id)).resolves.toBe('b');
  expect(loaded).toEqual(['b']);
  await expect(loadLiveExamples(registry).then((list) => list.map((item) => item.id))).resolves.toEqual(['a', 'b']);
  await expect(loadLiveExample({ a: async () => example('b') }, 'a')).rejects.toThrow('loadLiveExample: the key of a live example must equal its id, but got key "a" for id "b". Use the id as the key.');
});

test('loading an unknown id names the registered ones', async () => {
  await expect(loadLiveExample({ a: async () => example('a') }, 'z')).rejects.toThrow('loadLiveExample: id must name a registered live example, but got "z" (registered: a). Register it in examples/live.ts.');
  await expect(loadLiveExample({ a: async () => example('a') }, 'toString')).rejects.toThrow('got "toString"');
});

test('runLiveExample measures time and counts leaked tensors', async () => {
  await useCpuBackend();
  const pause = 40; // ms the example takes at least
  const leaky: LiveExample = {
    id: 'leaky',
    run: async ({ onProgress }) => {
      tf.ones([2]); // never disposed
      await new Promise((resolve) => setTimeout(resolve, pause));
      onProgress({ step: 1, total: 1 });
      return { summary: { ok: 1 } };
    },
  };
  const steps: number[] = [];
  const started = performance.now();
  const run = await runLiveExample(leaky, { size: 'small', onProgress: ({ step }) => steps.push(step) });
  const outside = performance.now() - started;
  expect(run.result.summary).toEqual({ ok: 1 });
  expect(run.backend).toBe('cpu');
  expect(run.tensors.after - run.tensors.before).toBe(1);
  expect(steps).toEqual([1]);
  expect(run.ms).toBeGreaterThanOrEqual(pause - 2); // the run's own time (timers may fire a millisecond early)…
  expect(run.ms).toBeLessThanOrEqual(outside); // … and no more than the call took
});
