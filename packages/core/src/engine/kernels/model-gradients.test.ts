import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { tinyResnet } from '../../training/train/__fixtures__/tiny-resnet.js';
import './__fixtures__/kernel-harness.js';
import { registerTrainingKernels } from './register-training-kernels.js';

/** Every trainable weight's gradient of a cross-entropy loss, BN in training mode, on the active backend. */
async function gradients(backend: string, x: Float32Array, labels: Int32Array): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  // Same seeds, same weights on both backends.
  const model = tinyResnet({ blocksPerStage: 1, widths: [4, 8], inputShape: [8, 8, 3], numClasses: 3, seed: 7 });
  const variables = model.trainableWeights.map((weight) => weight.read() as tf.Variable);
  const { grads } = tf.variableGrads(() => {
    const logits = model.apply(tf.tensor4d(x, [4, 8, 8, 3]), { training: true }) as tf.Tensor2D;
    return tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d(labels, 'int32'), 3), logits) as tf.Scalar;
  }, variables);
  const values = await Promise.all(variables.map(async (variable) => (await grads[variable.name]!.data()) as Float32Array));
  tf.dispose(Object.values(grads));
  model.dispose();
  return values;
}

it('a small ResNet (stride-2 and 1×1 projection convs, BN) gets the same gradients on wasm (ours) as on stock cpu', async () => {
  const x = Float32Array.from({ length: 4 * 8 * 8 * 3 }, (_, i) => Math.sin(i * 12.9898) * 0.5);
  const labels = Int32Array.from([0, 1, 2, 1]);
  registerTrainingKernels('wasm');
  const reference = await gradients('cpu', x, labels);
  const ours = await gradients('wasm', x, labels);
  expect(ours.length).toBe(reference.length);
  reference.forEach((expected, index) => {
    const scale = Math.max(1e-3, ...Array.from(expected, Math.abs));
    const worst = Math.max(...Array.from(expected, (value, i) => Math.abs((ours[index]?.[i] ?? Number.NaN) - value)));
    expect(worst / scale).toBeLessThan(1e-4);
  });
});
