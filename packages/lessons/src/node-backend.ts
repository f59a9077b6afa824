import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// Importing tfjs-layers registers TF.js's gradient functions, which tfjs-core alone does not.
import '@tensorflow/tfjs-layers';

/**
 * Makes TF.js's cpu backend active: what generated numbers, the example tests and the Node
 * reference runs of live examples use, so they do not depend on the machine.
 *
 * @example
 * await useCpuBackend();
 * const { result } = await runLiveExample(example, { size: 'small' });
 */
export async function useCpuBackend(): Promise<void> {
  if (!(await tf.setBackend('cpu'))) {
    throw new Error('useCpuBackend: the cpu backend must initialise, but tf.setBackend("cpu") failed. Check that @tensorflow/tfjs-backend-cpu is installed.');
  }
  await tf.ready();
}
