import * as tf from '@tensorflow/tfjs-core';
import { computingKernels } from '@residual/core/training';

/**
 * How many kernels one call of `run` launches that do arithmetic (the library's rule:
 * `computingKernels` leaves out `Identity`, `Reshape` and custom-gradient scopes). Waits for the
 * result and frees it.
 *
 * @param run - computes one tensor.
 * @example
 * await kernelCalls(() => model.predict(x) as tf.Tensor); // 75 for ResNet-20 on cpu
 */
export async function kernelCalls(run: () => tf.Tensor): Promise<number> {
  let output: tf.Tensor | undefined;
  const info = await tf.profile(() => {
    output = run();
  });
  const calls = computingKernels(info.kernels).length; // read at once: tf.profile reuses its record
  if (output !== undefined) await output.data();
  output?.dispose();
  return calls;
}
