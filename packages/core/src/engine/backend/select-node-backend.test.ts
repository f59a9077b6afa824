import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { describeBackendChoice } from './backend-choice.js';
import { probeDawn } from './probe-dawn.js';
import { nodeBackendOrder, selectNodeBackend } from './select-node-backend.js';

const installed = (name: string) => {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
};

describe('selectNodeBackend', () => {
  it('auto: tries tensorflow-gpu → webgpu → wasm → cpu and explains every skip in one line', async () => {
    const started = Date.now();
    const choice = await selectNodeBackend();
    expect(Date.now() - started).toBeLessThan(60_000); // the Dawn probe cannot hang the selection
    const position = nodeBackendOrder.indexOf(choice.name as (typeof nodeBackendOrder)[number]);
    expect(position).toBeGreaterThanOrEqual(0);
    expect(choice.skipped.map((skip) => skip.name)).toEqual(nodeBackendOrder.slice(0, position));
    for (const skip of choice.skipped) expect(skip.reason).toMatch(/^[^\n]+$/);
    const gpu = choice.skipped.find((skip) => skip.name === 'tensorflow-gpu');
    if (installed('@tensorflow/tfjs-node-gpu')) expect(gpu?.reason ?? '').not.toContain('not installed');
    else expect(gpu?.reason).toBe('not installed (optional: npm install @tensorflow/tfjs-node-gpu@4.22.0, needs CUDA 11.2 + cuDNN 8.1)');
    expect(tf.getBackend()).toBe(choice.name === 'tensorflow-gpu' ? 'tensorflow' : choice.name);
  });

  it('--backend wasm is honoured first, and registers the training kernels wasm lacks', async () => {
    const choice = await selectNodeBackend({ backend: 'wasm' });
    const threads = getThreadsCount();
    expect(choice).toEqual({ name: 'wasm', skipped: [], detail: `${threads} thread${threads === 1 ? '' : 's'}`, threads });
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
  });

  it('a forced backend that cannot load is explained and the next one is used', async () => {
    const choice = await selectNodeBackend({ backend: 'tensorflow-gpu', probeTimeoutMs: 30_000 });
    if (choice.name === 'tensorflow-gpu') {
      expect(choice.skipped).toEqual([]);
    } else {
      expect(choice.skipped[0]?.name).toBe('tensorflow-gpu');
      expect(choice.skipped[0]?.reason).toMatch(/^(not installed \(optional|installed but failed to load: )/);
    }
  });

  it('prints the choice and the skips one line each', () => {
    expect(describeBackendChoice({ name: 'wasm', skipped: [{ name: 'webgpu', reason: 'Dawn found no adapter' }] })).toEqual([
      'backend: wasm',
      'skipped webgpu: Dawn found no adapter',
    ]);
    expect(describeBackendChoice({ name: 'webgpu', skipped: [], detail: 'nvidia hopper' })).toEqual(['backend: webgpu (nvidia hopper)']);
  });
});

describe('probeDawn', () => {
  it('gives up after its time limit instead of hanging', async () => {
    const probe = await probeDawn([], 1);
    expect(probe).toEqual({ found: false, reason: 'Dawn did not answer within 1 ms (driver hang?)' });
  });

  it('answers with an adapter or a one-line reason', async () => {
    const probe = await probeDawn([], 30_000);
    if (probe.found) expect(probe.description.length).toBeGreaterThan(0);
    else expect(probe.reason).toMatch(/^Dawn [^\n]+$|^the optional package 'webgpu'/);
  });
});
