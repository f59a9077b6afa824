import * as tf from '@tensorflow/tfjs-core';

/**
 * Activates a registered TF.js backend and returns why it failed, or `undefined` on success.
 * TF.js reports a failed initialisation only through `console.warn`; this captures that text
 * so the caller can print it as one line instead.
 *
 * @param name - a backend name already registered with `tf.registerBackend`.
 * @returns `undefined` when `name` is now active, else a one-line reason.
 * @example
 * const reason = await trySetBackend('wasm'); // undefined when wasm loaded
 */
export async function trySetBackend(name: string): Promise<string | undefined> {
  if (tf.findBackendFactory(name) === null || tf.findBackendFactory(name) === undefined) {
    return `the '${name}' backend is not registered`;
  }
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
  };
  try {
    const ok = await tf.setBackend(name);
    if (ok) return undefined;
  } catch (error) {
    warnings.push(error instanceof Error ? error.message : String(error));
  } finally {
    console.warn = warn;
  }
  const cause = warnings
    .filter((line) => !line.startsWith('Initialization of backend'))
    .map((line) => line.split('\n')[0] ?? '')
    .find((line) => line.trim() !== '');
  return cause === undefined ? 'initialisation failed' : `initialisation failed: ${cause}`;
}
