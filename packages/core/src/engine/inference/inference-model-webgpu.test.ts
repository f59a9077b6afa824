import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { setUpWebGpuForTests } from '../kernels/webgpu/__fixtures__/webgpu-test-backend.js';
import { maxRelativeError } from '../../testing/compare-kernel.js';
import { releaseWebGpuBackend } from '../kernels/webgpu/release-webgpu-backend.js';
import { configureWebGpuConv, resetWebGpuConvOptions } from '../kernels/webgpu/webgpu-conv-options.js';
import { buildModel } from '../../model/models/registry.js';
import { randomizeBatchNorms } from '../../testing/randomize-batch-norms.js';
import { inferenceModel } from './inference-model.js';

const gpu = await setUpWebGpuForTests('inferenceModel on webgpu');
afterAll(() => {
  resetWebGpuConvOptions();
  releaseWebGpuBackend();
});

describe.skipIf(!gpu.available)('inferenceModel on webgpu with Residual kernels', () => {
  it('runs ResNet-20 as one kernel per convolution (each block ends in ResidualConv2D), with the logits of the layers on cpu', async () => {
    configureWebGpuConv({ tile: 'small' }); // the cheapest shaders to compile on a software adapter
    await tf.setBackend('cpu');
    const model = buildModel('resnet20', { seed: 2, inputShape: [8, 8, 3] });
    randomizeBatchNorms(model.layersModel, 5);
    const x = tf.randomNormal([2, 8, 8, 3], 0, 1, 'float32', 3); // [N, H, W, C]
    const expected = model.layersModel.predict(x) as tf.Tensor; // [N, 10], layers on cpu
    const want = (await expected.data()) as Float32Array;
    tf.dispose([expected, x]);

    await tf.setBackend('webgpu');
    const inference = inferenceModel(model.layersModel);
    const input = tf.randomNormal([2, 8, 8, 3], 0, 1, 'float32', 3);
    let logits!: tf.Tensor;
    const info = await tf.profile(() => {
      logits = inference.predict(input);
    });
    const kernels = info.kernels.map((kernel) => kernel.name); // read at once: tf.profile reuses its record
    const got = (await logits.data()) as Float32Array;
    expect(maxRelativeError(got, want)).toBeLessThan(1e-4);
    const kinds = model.layersModel.layers.map((layer) => layer.getClassName());
    const count = (names: readonly string[], name: string) => names.filter((each) => each === name).length;
    expect(count(kernels, 'ResidualConv2D')).toBe(count(kinds, 'Add'));
    expect(count(kernels, 'FusedConv2D') + count(kernels, 'ResidualConv2D')).toBe(count(kinds, 'Conv2D'));
    for (const gone of ['Add', 'Relu', 'FusedBatchNorm', 'PadV2']) expect({ gone, calls: count(kernels, gone) }).toEqual({ gone, calls: 0 });
    tf.dispose([logits, input]);
    inference.dispose();
    model.dispose();
  });
});
