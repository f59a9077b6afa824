import * as tf from '@tensorflow/tfjs-core';
import { afterEach, expect, it, vi } from 'vitest';
import { selectBrowserBackend } from './select-browser-backend.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A navigator whose WebGPU offers one adapter with these facts. */
function stubAdapter(info: Record<string, unknown>): void {
  vi.stubGlobal('navigator', { gpu: { requestAdapter: async () => ({ info }) } });
}

it('without WebGPU or WebGL (as in Node) falls back to wasm, saying why for each', async () => {
  const choice = await selectBrowserBackend();
  expect(choice).toEqual({
    name: 'wasm',
    how: 'first',
    threads: 1,
    skipped: [
      { name: 'webgpu', code: 'missing', reason: 'navigator.gpu is missing (this runtime has no WebGPU)' },
      { name: 'webgl', code: 'no-context', reason: 'no WebGL context can be created here' },
    ],
  });
  expect(tf.getBackend()).toBe('wasm');
  expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
});

it('never picks a software fallback WebGPU adapter by itself, and names it', async () => {
  stubAdapter({ isFallbackAdapter: true, vendor: 'google', architecture: 'swiftshader', description: 'SwiftShader Device (Subzero)' });
  const choice = await selectBrowserBackend({ order: ['webgpu', 'wasm'] });
  expect(choice.name).toBe('wasm');
  expect(choice.skipped).toEqual([
    {
      name: 'webgpu',
      code: 'fallback-adapter',
      reason: 'the only WebGPU adapter is a software fallback (SwiftShader Device (Subzero)), far slower than WASM; choose webgpu yourself to use it anyway',
    },
  ]);
});

it('recognises a software adapter by its name when the browser does not flag it', async () => {
  stubAdapter({ vendor: 'google', architecture: 'swiftshader' });
  expect((await selectBrowserBackend({ order: ['webgpu', 'wasm'] })).skipped[0]?.code).toBe('fallback-adapter');
});

it('an order restricts the candidates; a single name is forced; cpu is the last resort', async () => {
  expect(await selectBrowserBackend({ order: ['webgl'] })).toEqual({
    name: 'cpu',
    how: 'first',
    skipped: [{ name: 'webgl', code: 'no-context', reason: 'no WebGL context can be created here' }],
  });
  expect(tf.getBackend()).toBe('cpu');
  expect(await selectBrowserBackend({ order: ['wasm'] })).toEqual({ name: 'wasm', how: 'forced', threads: 1, skipped: [] });
});

it('a timing probe decides between usable backends and reports each time', async () => {
  const choice = await selectBrowserBackend({ order: ['cpu', 'wasm'], probe: 'always' });
  expect(choice.how).toBe('probe');
  expect(choice.timings?.map((timing) => timing.name).sort()).toEqual(['cpu', 'wasm']);
  const [fastest, slower] = choice.timings ?? [];
  expect(fastest?.ms).toBeLessThanOrEqual(slower?.ms ?? 0);
  expect(choice.name).toBe(fastest?.name);
  expect(tf.getBackend()).toBe(fastest?.name);
  expect(choice.skipped).toEqual([{ name: slower?.name, code: 'slower', reason: expect.stringMatching(/^slower in the timing probe \(\d+\.\d ms against \d+\.\d ms\)$/) }]);
});

it('a backend that runs out of the probe budget counts as too slow', async () => {
  const choice = await selectBrowserBackend({ order: ['wasm', 'cpu'], probe: 'always', probeBudgetMs: 0 });
  expect(choice.timings?.every((timing) => timing.ms === Number.POSITIVE_INFINITY)).toBe(true);
  expect(choice.skipped[0]?.reason).toMatch(/out of time/);
});
