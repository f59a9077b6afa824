import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, test } from 'vitest';
import { batchNorm, isBatchNormLayer, ResidualBatchNormalization } from './batch-norm.js';
import { summary } from '../analysis/summary.js';
import { input } from './input.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Residual's batchNorm and tfjs-layers' own BatchNormalization, same settings and weights. */
function pair(): [tfl.LayersModel, tfl.LayersModel] {
  const x = input([5, 4, 6]);
  const ours = tfl.model({ inputs: x.tensor, outputs: batchNorm(x, { momentum: 0.8, epsilon: 1e-5 }).tensor });
  const plainInput = tfl.input({ shape: [5, 4, 6] });
  const plain = tfl.layers.batchNormalization({ axis: -1, momentum: 0.8, epsilon: 1e-5 }).apply(plainInput) as tfl.SymbolicTensor;
  const theirs = tfl.model({ inputs: plainInput, outputs: plain });
  const weights = [tf.randomUniform([6], 0.5, 2, 'float32', 1), tf.randomNormal([6], 0, 1, 'float32', 2), tf.randomNormal([6], 0, 1, 'float32', 3), tf.randomUniform([6], 0.5, 2, 'float32', 4)];
  ours.setWeights(weights);
  theirs.setWeights(weights);
  return [ours, theirs];
}

const largest = (a: tf.Tensor, b: tf.Tensor) => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] ?? Number.POSITIVE_INFINITY;

describe('batchNorm', () => {
  test("training mode gives tfjs-layers' outputs, weight gradients and running statistics", () => {
    const [ours, theirs] = pair();
    const x = tf.add(tf.randomNormal([3, 5, 4, 6], 0, 2, 'float32', 5), 1.5); // [N, H, W, C]
    const dy = tf.randomNormal([3, 5, 4, 6], 0, 1, 'float32', 6);
    const step = (model: tfl.LayersModel) =>
      tf.variableGrads(() => tf.sum(tf.mul(model.apply(x, { training: true }) as tf.Tensor, dy)) as tf.Scalar, model.trainableWeights.map((w) => w.read() as tf.Variable));
    const [mine, reference] = [step(ours), step(theirs)];
    expect(largest(ours.apply(x, { training: true }) as tf.Tensor, theirs.apply(x, { training: true }) as tf.Tensor)).toBeLessThan(1e-5);
    expect(Object.keys(mine.grads)).toHaveLength(2); // γ and β
    Object.values(mine.grads).forEach((grad, i) => expect(largest(grad, Object.values(reference.grads)[i] as tf.Tensor)).toBeLessThan(1e-4));
    ours.getWeights().forEach((weight, i) => expect(largest(weight, theirs.getWeights()[i] as tf.Tensor)).toBeLessThan(1e-5)); // running statistics moved alike
    expect(largest(ours.getWeights()[2] as tf.Tensor, tf.randomNormal([6], 0, 1, 'float32', 3))).toBeGreaterThan(1e-3); // … and did move
  });

  test('inference mode uses the running statistics, as before', () => {
    const [ours, theirs] = pair();
    const x = tf.randomNormal([2, 5, 4, 6], 0, 1, 'float32', 7);
    expect(largest(ours.predict(x) as tf.Tensor, theirs.predict(x) as tf.Tensor)).toBeLessThan(1e-6);
  });

  test('is a registered layer class of its own: visible in the config and summary, and it round-trips', async () => {
    const [ours, theirs] = pair();
    const layer = ours.layers[1];
    expect(layer).toBeInstanceOf(ResidualBatchNormalization);
    expect(layer?.getClassName()).toBe('ResidualBatchNormalization');
    expect(theirs.layers[1]?.getClassName()).toBe('BatchNormalization'); // the stock class is untouched
    expect(isBatchNormLayer(layer!) && isBatchNormLayer(theirs.layers[1]!)).toBe(true);
    const topology = ours.toJSON(null, false) as { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
    expect(topology.config.layers[1]).toMatchObject({ class_name: 'ResidualBatchNormalization', config: { momentum: 0.8, epsilon: 1e-5, axis: -1 } });
    expect(summary(ours)).toMatch(/\n\S+ \(ResidualBatchNormalization\)\s+\[N,5,4,6\]\s+24 /);
    const again = await tfl.models.modelFromJSON({ modelTopology: topology as unknown as tf.io.ModelJSON['modelTopology'] });
    again.setWeights(ours.getWeights());
    expect(again.layers[1]).toBeInstanceOf(ResidualBatchNormalization);
    const x = tf.add(tf.randomNormal([3, 5, 4, 6], 0, 2, 'float32', 8), 1);
    expect(largest(again.apply(x, { training: true }) as tf.Tensor, ours.apply(x, { training: true }) as tf.Tensor)).toBeLessThan(1e-6);
  });
});
