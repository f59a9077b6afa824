// Property: a residual block whose residual branch is zeroed (last BN's γ = β = 0) computes
// relu(x + 0) = relu(x) exactly, and x itself for x ≥ 0 — the paper's a[l+2] = g(a[l]) = a[l].
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import fc from 'fast-check';
import { basicBlock, bottleneck, input, withSeed } from '@residual/core';
import { beforeAll, describe, expect, test } from 'vitest';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const blockCase = fc.record({
  height: fc.integer({ min: 1, max: 6 }),
  width: fc.integer({ min: 1, max: 6 }),
  filters: fc.integer({ min: 1, max: 4 }),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  nonNegative: fc.boolean(),
});

function zeroedBlock(kind: 'basic' | 'bottleneck', c: { height: number; width: number; filters: number; seed: number }): { model: tfl.LayersModel; channels: number } {
  const channels = kind === 'basic' ? c.filters : 4 * c.filters;
  const model = withSeed(c.seed, () => {
    const x = input([c.height, c.width, channels]);
    const block = kind === 'basic' ? basicBlock : bottleneck;
    const y = block(x as never, { filters: c.filters, name: 'block' } as never) as { tensor: tfl.SymbolicTensor };
    return tfl.model({ inputs: x.tensor, outputs: y.tensor });
  });
  // Random conv weights stay; the last BN of the residual branch outputs 0.
  const lastBn = model.getLayer(kind === 'basic' ? 'block.bn2' : 'block.bn3');
  const [gamma, beta, mean, variance] = lastBn.getWeights();
  lastBn.setWeights([tf.zerosLike(gamma!), tf.zerosLike(beta!), mean!, variance!]);
  return { model, channels };
}

describe('zeroing the residual branch leaves the identity', () => {
  for (const kind of ['basic', 'bottleneck'] as const) {
    test(`${kind}: block(x) = relu(x), and = x for x ≥ 0 (≥ 100 random cases)`, () => {
      fc.assert(
        fc.property(blockCase, (c) => {
          const { model, channels } = zeroedBlock(kind, c);
          const raw = tf.randomNormal([2, c.height, c.width, channels], 0, 1, 'float32', c.seed);
          const x = c.nonNegative ? tf.abs(raw) : raw;
          const y = model.predict(x) as tf.Tensor;
          expect(Array.from(y.dataSync())).toEqual(Array.from(tf.relu(x).dataSync()));
          if (c.nonNegative) expect(Array.from(y.dataSync())).toEqual(Array.from(x.dataSync()));
          tf.dispose([raw, x, y]);
          model.dispose();
        }),
        { numRuns: 100, seed: 3 },
      );
    });
  }
});
