import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, describe, expect, it } from 'vitest';
import { setUpWebGpuForTests } from './__fixtures__/webgpu-test-backend.js';
import { registerTrainingKernels, unregisterTrainingKernels } from '../register-training-kernels.js';
import { registerWebGpuKernels, unregisterWebGpuKernels } from './register-webgpu-kernels.js';
import { releaseWebGpuBackend } from './release-webgpu-backend.js';
import { stockWebGpuKernel, webGpuKernelCounts } from './stock-webgpu-kernels.js';

const gpu = await setUpWebGpuForTests('registerWebGpuKernels');
afterAll(() => releaseWebGpuBackend());

/** conv → BN → ReLU → strided conv → pool → dense, seeded: a ResNet stem in miniature. */
function tinyNet(): tfl.LayersModel {
  const init = (seed: number) => tfl.initializers.glorotNormal({ seed });
  return tfl.sequential({
    layers: [
      tfl.layers.conv2d({ inputShape: [8, 8, 3], filters: 8, kernelSize: 3, padding: 'same', useBias: false, kernelInitializer: init(1) }),
      tfl.layers.batchNormalization(),
      tfl.layers.reLU(),
      tfl.layers.conv2d({ filters: 12, kernelSize: 3, strides: 2, padding: 'same', kernelInitializer: init(2) }),
      tfl.layers.globalAveragePooling2d({}),
      tfl.layers.dense({ units: 4, kernelInitializer: init(3) }),
    ],
  });
}

/** Every weight gradient of one training loss on `backend`, flattened. */
async function gradients(backend: string): Promise<number[][]> {
  await tf.setBackend(backend);
  const model = tinyNet();
  const x = tf.tensor4d(Array.from({ length: 2 * 8 * 8 * 3 }, (_, i) => Math.sin(i * 0.7)), [2, 8, 8, 3]); // [N, H, W, C]
  const { grads } = tf.variableGrads(() => tf.sum(tf.square(model.apply(x, { training: true }) as tf.Tensor)) as tf.Scalar);
  const values = await Promise.all(Object.values(grads).map(async (grad) => Array.from(await grad.data())));
  tf.dispose([x, ...Object.values(grads)]);
  model.dispose();
  return values;
}

describe.skipIf(!gpu.available)('registerWebGpuKernels', () => {
  it('is idempotent and keeps the stock kernels aside', () => {
    const ours = tf.getKernel('Conv2DBackpropFilter', 'webgpu');
    expect(registerWebGpuKernels()).toEqual(['Conv2D', 'FusedConv2D', 'Conv2DBackpropInput', 'Conv2DBackpropFilter', 'Sum', 'Mean', 'ResidualConv2D']);
    expect(tf.getKernel('Conv2DBackpropFilter', 'webgpu')).toBe(ours);
    expect(stockWebGpuKernel('Conv2DBackpropFilter')).not.toBe(ours);
  });

  it('a TF.js layers model trains through them, with the gradients of the cpu backend', async () => {
    const expected = await gradients('cpu');
    const before = webGpuKernelCounts();
    const actual = await gradients('webgpu');
    const after = webGpuKernelCounts();
    // Two convolutions: each runs forward once, and TF.js computes both of its gradients (even the input's of the first).
    for (const name of ['FusedConv2D', 'Conv2DBackpropInput', 'Conv2DBackpropFilter']) {
      expect({ name, ran: (after[name]?.residual ?? 0) - (before[name]?.residual ?? 0) }).toEqual({ name, ran: 2 });
    }
    // Batch norm's mean and variance and global average pooling are means over leading axes; the
    // gradients of batch norm's scale and offset and of the dense bias are sums over them.
    for (const name of ['Mean', 'Sum']) expect((after[name]?.residual ?? 0) - (before[name]?.residual ?? 0)).toBeGreaterThanOrEqual(2);
    expect(actual.map((grad) => grad.length)).toEqual(expected.map((grad) => grad.length));
    actual.forEach((grad, i) => {
      const want = expected[i] ?? [];
      const scale = Math.max(1, ...want.map(Math.abs));
      expect(Math.max(...grad.map((value, j) => Math.abs(value - (want[j] ?? 0)))) / scale).toBeLessThan(1e-4);
    });
  });

  it('unregisterWebGpuKernels puts the stock kernels back', () => {
    const stock = stockWebGpuKernel('Conv2D');
    unregisterWebGpuKernels();
    expect(tf.getKernel('Conv2D', 'webgpu')).toBe(stock);
    expect(stockWebGpuKernel('Conv2D')).toBeUndefined();
    expect(tf.getKernel('ResidualConv2D', 'webgpu')).toBeUndefined(); // residualConv2d composes it again
    registerWebGpuKernels();
    expect(tf.getKernel('ResidualConv2D', 'webgpu')).toBeDefined();
    expect(tf.getKernel('Conv2D', 'webgpu')).not.toBe(stock);
  });

  it("unregisterTrainingKernels('webgpu') puts them back too, as registerTrainingKernels('webgpu') registered them", () => {
    const stock = stockWebGpuKernel('Sum');
    unregisterTrainingKernels('webgpu');
    expect(tf.getKernel('Sum', 'webgpu')).toBe(stock);
    expect(tf.getKernel('ResidualConv2D', 'webgpu')).toBeUndefined();
    expect(registerTrainingKernels('webgpu')).toContain('Sum');
    expect(tf.getKernel('Sum', 'webgpu')).not.toBe(stock);
  });
});
