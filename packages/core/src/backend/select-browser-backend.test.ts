import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { selectBrowserBackend } from './select-browser-backend.js';

it('without WebGPU or WebGL (as in Node) falls back to wasm, saying why for each', async () => {
  const choice = await selectBrowserBackend();
  expect(choice.name).toBe('wasm');
  expect(choice.skipped).toEqual([
    { name: 'webgpu', reason: 'navigator.gpu is missing (this runtime has no WebGPU)' },
    { name: 'webgl', reason: 'no WebGL context can be created here' },
  ]);
  expect(tf.getBackend()).toBe('wasm');
  expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
});

it('an order restricts the candidates, and cpu is always the last resort', async () => {
  expect(await selectBrowserBackend({ order: ['webgl'] })).toEqual({
    name: 'cpu',
    skipped: [{ name: 'webgl', reason: 'no WebGL context can be created here' }],
  });
  expect(tf.getBackend()).toBe('cpu');
});
