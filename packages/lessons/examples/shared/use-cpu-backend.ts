import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
// Importing tfjs-layers registers the gradient functions the examples need in Node.
import '@tensorflow/tfjs-layers';

/**
 * Selects TF.js's cpu backend: what the example tests and `numbers()` run on in Node.
 *
 * @example
 * await useCpuBackend();
 */
export async function useCpuBackend(): Promise<void> {
  if (tf.getBackend() !== 'cpu') {
    const ok = await tf.setBackend('cpu');
    if (!ok) throw new Error('useCpuBackend: the cpu backend must initialise, but tf.setBackend("cpu") returned false. Check that @tensorflow/tfjs-backend-cpu is installed.');
  }
  await tf.ready();
}
