import * as tf from '@tensorflow/tfjs-core';

/**
 * Activates a registered TF.js backend and returns why it failed, or `undefined` on success.
 * TF.js reports a failed initialisation only as a warning with a stack trace; this keeps that
 * warning quiet through TF.js's own `PROD` flag (which silences TF.js's log only, not `console`),
 * and on failure asks the backend's factory once more for its error, so the caller can print the
 * cause as one line.
 *
 * @param name - a backend name already registered with `tf.registerBackend`.
 * @returns `undefined` when `name` is now active, else a one-line reason.
 * @example
 * const reason = await trySetBackend('wasm'); // undefined when wasm loaded
 */
export async function trySetBackend(name: string): Promise<string | undefined> {
  const factory = tf.findBackendFactory(name);
  if (factory === null || factory === undefined) return `the '${name}' backend is not registered`;
  const wasProd = tf.env().getBool('PROD');
  tf.env().set('PROD', true);
  let ok = false;
  try {
    ok = await tf.setBackend(name);
  } catch (error) {
    return `initialisation failed: ${firstLine(error)}`;
  } finally {
    tf.env().set('PROD', wasProd);
  }
  if (ok) return undefined;
  try {
    const backend = await factory();
    backend.dispose();
  } catch (error) {
    return `initialisation failed: ${firstLine(error)}`;
  }
  return 'initialisation failed';
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
  return message.split('\n').find((line) => line.trim() !== '') ?? 'no message';
}
