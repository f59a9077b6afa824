import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildModel } from '../../model/models/registry.js';
import type { ModelName } from '../../model/models/resnet.js';
import { computingKernels } from '../../training/train/kernel-times.js';
import { randomizeBatchNorms } from '../../testing/randomize-batch-norms.js';
import { inferenceModel, type InferenceModel } from './inference-model.js';
import { layerGraph } from './layer-graph.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Largest difference relative to the largest value of `expected`. */
function relativeError(got: tf.Tensor, expected: tf.Tensor): number {
  return tf.tidy(() => tf.div(tf.max(tf.abs(tf.sub(got, expected))), tf.max(tf.abs(expected))).dataSync()[0] ?? Infinity);
}

async function kernelNames(run: () => tf.Tensor): Promise<string[]> {
  let output!: tf.Tensor;
  const info = await tf.profile(() => {
    output = run();
  });
  const names = computingKernels(info.kernels).map((kernel) => kernel.name); // read at once: tf.profile reuses its record
  output.dispose();
  return names;
}

const count = (names: readonly string[], name: string) => names.filter((each) => each === name).length;

/** The folded inference gives the layers' output on `input` (within 1e-5 of its largest value). */
function expectLayersOutput(inference: InferenceModel, model: tfl.LayersModel, input: tf.Tensor): void {
  const [got, expected] = [inference.predict(input), model.predict(input) as tf.Tensor];
  expect(relativeError(got, expected)).toBeLessThan(1e-5);
  tf.dispose([got, expected]);
}

const cases: [ModelName, [number, number, number]][] = [
  ['resnet20', [16, 16, 3]],
  ['plain20', [16, 16, 3]],
  ['cifarResnet18', [16, 16, 3]],
  ['resnet18', [32, 32, 3]],
  ['resnet50', [32, 32, 3]],
];

describe('inferenceModel', () => {
  test.each(cases)('%s: every batch norm, add and ReLU folds into a convolution, and the logits equal model.predict', async (name, inputShape) => {
    const model = buildModel(name, { seed: 3, numClasses: 10, inputShape });
    randomizeBatchNorms(model.layersModel, 11);
    const x = tf.randomNormal([3, ...inputShape], 0, 1, 'float32', 5); // [N, H, W, C]
    const inference = inferenceModel(model.layersModel);
    const tensorsBefore = tf.memory().numTensors;
    const [got, expected] = [inference.predict(x), model.layersModel.predict(x) as tf.Tensor];
    expect(got.shape).toEqual([3, 10]);
    expect(relativeError(got, expected)).toBeLessThan(1e-4);
    tf.dispose([got, expected]);
    expect(tf.memory().numTensors).toBe(tensorsBefore); // nothing left behind by predict

    const kinds = model.layersModel.layers.map((layer) => layer.getClassName());
    const graph = layerGraph(model.layersModel);
    const reluAfterConvOrNorm = graph.nodes.filter(
      (node) => node.kind === 'ReLU' && ['Conv2D', 'ResidualBatchNormalization'].includes(graph.writer.get(node.inputs[0] as number)?.kind ?? ''),
    ).length;
    // Every batch norm, residual add, zero padding and ReLU of the library's models folds into a convolution.
    expect(inference.fusions).toHaveLength(count(kinds, 'Conv2D'));
    expect(inference.fusions.filter((fusion) => fusion.batchNorm !== null)).toHaveLength(count(kinds, 'ResidualBatchNormalization'));
    expect(inference.fusions.filter((fusion) => fusion.add !== null)).toHaveLength(count(kinds, 'Add'));
    expect(inference.fusions.filter((fusion) => fusion.relu !== null)).toHaveLength(count(kinds, 'ReLU'));
    expect(inference.fusions.filter((fusion) => fusion.pad !== null)).toHaveLength(count(kinds, 'ZeroPadding2D'));

    const folded = await kernelNames(() => inference.predict(x));
    const layers = await kernelNames(() => model.layersModel.predict(x) as tf.Tensor);
    expect(count(folded, 'FusedBatchNorm')).toBe(0);
    expect(count(folded, 'PadV2')).toBe(0);
    expect(count(folded, 'FusedConv2D')).toBe(count(kinds, 'Conv2D'));
    expect(count(folded, 'Relu')).toBe(count(kinds, 'ReLU') - reluAfterConvOrNorm); // cpu: a block's end is conv, add and ReLU
    expect(count(layers, 'FusedBatchNorm')).toBe(count(kinds, 'ResidualBatchNormalization'));
    expect(folded.length).toBeLessThan(layers.length);

    inference.dispose();
    model.dispose();
    x.dispose();
  });

  test('folds nothing that another layer or the output also reads, and an add only into a conv it alone reads', () => {
    const x = tfl.input({ shape: [6, 6, 2] });
    const padded = tfl.layers.zeroPadding2d({ padding: [[1, 1], [1, 1]] }).apply(x) as tfl.SymbolicTensor;
    const a = tfl.layers.conv2d({ filters: 3, kernelSize: 3, useBias: false }).apply(padded) as tfl.SymbolicTensor;
    const b = tfl.layers.conv2d({ filters: 3, kernelSize: 3, useBias: true }).apply(padded) as tfl.SymbolicTensor; // pad read twice
    const normed = tfl.layers.batchNormalization({ axis: -1 }).apply(a) as tfl.SymbolicTensor;
    const both = tfl.layers.add({ name: 'both' }).apply([normed, a]) as tfl.SymbolicTensor; // conv a read twice
    const out = tfl.layers.reLU({ name: 'out' }).apply(tfl.layers.add({ name: 'sum' }).apply([both, b]) as tfl.SymbolicTensor) as tfl.SymbolicTensor;
    const model = tfl.model({ inputs: x, outputs: out });
    randomizeBatchNorms(model, 21);
    const inference = inferenceModel(model);
    expect(inference.fusions.map(({ pad, batchNorm, add, relu }) => [pad, batchNorm, add, relu])).toEqual([
      [null, null, null, null], // conv a: read by the batch norm and by 'both'
      [null, null, 'sum', 'out'], // conv b: 'sum' adds 'both' to it, then the ReLU
    ]);
    const input = tf.randomNormal([2, 6, 6, 2], 0, 1, 'float32', 7);
    expectLayersOutput(inference, model, input);
    tf.dispose(input);
    inference.dispose();
    model.dispose();
  });

  test('folds a batch norm without γ or β (scale: false, center: false) and a conv with its own bias', () => {
    const x = tfl.input({ shape: [5, 5, 3] });
    const conv = tfl.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'same', useBias: true, biasInitializer: 'glorotUniform' }).apply(x) as tfl.SymbolicTensor;
    const normed = tfl.layers.batchNormalization({ axis: -1, scale: false, center: false, epsilon: 1e-3 }).apply(conv) as tfl.SymbolicTensor;
    const model = tfl.model({ inputs: x, outputs: normed });
    const bn = model.layers[2] as tfl.layers.Layer;
    bn.setWeights([tf.randomNormal([4], 0, 1, 'float32', 3), tf.randomUniform([4], 0.5, 2, 'float32', 4)]); // μ, σ²
    const inference = inferenceModel(model);
    expect(inference.fusions.map((fusion) => fusion.batchNorm)).toEqual([bn.name]);
    const input = tf.randomNormal([2, 5, 5, 3], 0, 1, 'float32', 5);
    expectLayersOutput(inference, model, input);
    tf.dispose(input);
    inference.dispose();
    model.dispose();
  });

  test('dispose frees the folded weights and leaves the model working', () => {
    const model = buildModel('resnet20', { seed: 1, inputShape: [8, 8, 3] });
    const before = tf.memory().numTensors;
    const inference = inferenceModel(model.layersModel);
    expect(tf.memory().numTensors).toBeGreaterThan(before);
    inference.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const logits = model.predict(tf.zeros([1, 8, 8, 3]));
    expect(logits.shape).toEqual([1, 10]);
    tf.dispose(logits);
    model.dispose();
  });

  test('an input of another shape is refused with the shape and the fix', () => {
    const model = buildModel('resnet20', { seed: 1, inputShape: [8, 8, 3] });
    const inference = inferenceModel(model.layersModel);
    const x = tf.zeros([2, 16, 16, 3]);
    expect(() => inference.predict(x)).toThrow(
      "inferenceModel.predict: input must be [N, 8, 8, 3], but got [2, 16, 16, 3]. Pass a batch of the model's input shape (resnet20).",
    );
    tf.dispose(x);
    inference.dispose();
    model.dispose();
  });

  test('a model with two inputs is refused with the fix', () => {
    const [a, b] = [tfl.input({ shape: [4] }), tfl.input({ shape: [4] })];
    const model = tfl.model({ inputs: [a, b], outputs: tfl.layers.add().apply([a, b]) as tfl.SymbolicTensor });
    expect(() => inferenceModel(model)).toThrow(
      `layerGraph: model ${model.name} must have one input and one output, but got 2 and 1. Run a multi-input model with model.predict.`,
    );
  });
});
