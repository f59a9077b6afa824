import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterEach, expect, it, vi } from 'vitest';
import { trySetBackend } from './try-set-backend.js';

afterEach(() => {
  if (tf.findBackendFactory('broken-for-test') !== null) tf.removeBackend('broken-for-test');
  vi.restoreAllMocks();
});

it('returns the factory error as one line, prints nothing, and leaves TF.js flags as they were', async () => {
  tf.registerBackend('broken-for-test', () => {
    throw new Error('no adapter here\n    at somewhere (stack line)');
  });
  const warn = vi.spyOn(console, 'warn');
  expect(await trySetBackend('broken-for-test')).toBe('initialisation failed: no adapter here');
  expect(warn).not.toHaveBeenCalled();
  expect(tf.env().getBool('PROD')).toBe(false);
});

it('says when a backend is not registered, and activates one that works', async () => {
  expect(await trySetBackend('never-registered')).toBe("the 'never-registered' backend is not registered");
  expect(await trySetBackend('cpu')).toBeUndefined();
  expect(tf.getBackend()).toBe('cpu');
});
