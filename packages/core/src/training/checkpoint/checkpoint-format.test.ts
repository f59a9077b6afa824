import { describe, expect, it } from 'vitest';
import { encodeUnchecked } from './__fixtures__/encode-unchecked.js';
import { decodeCheckpoint, encodeCheckpoint, type CheckpointHeader } from './checkpoint-format.js';

const header: CheckpointHeader = {
  format: 'residual-checkpoint',
  version: 1,
  model: { name: 'resnet20', numClasses: 2, inputShape: [32, 32, 3], seed: 1 },
  data: { kind: 'cifar10', source: 'x', classNames: ['a', 'b'], imageShape: [32, 32, 3], stats: { mean: [0.5, 0.5, 0.5], std: [0.25, 0.25, 0.25] } },
  fit: { epochs: 2, batchSize: 8, lr: 0.1, schedule: { kind: 'constant' }, labelSmoothing: 0, augment: null },
  optimizer: { kind: 'sgd', momentum: 0.9, weightDecay: 1e-4, step: 3 },
  seed: 1,
  state: { epoch: 1, step: 3, rng: [1, 2, 3, 4], bestAccuracy: 0.5, bestEpoch: 1 },
  history: [],
  backend: 'wasm',
  savedAt: '2026-11-23T00:00:00.000Z',
  tensors: [
    { name: 'conv/kernel', shape: [2, 3], group: 'weights' },
    { name: 'optimizer/0', shape: [2, 3], group: 'optimizer' },
  ],
};
const values = [Float32Array.from([1, -2, 3.5, 0, 1e-30, -7]), Float32Array.from([0.25, 0.5, 0.75, 1, 1.25, 1.5])];

describe('checkpoint format', () => {
  it('round-trips the header and every float exactly', () => {
    const decoded = decodeCheckpoint(encodeCheckpoint(header, values), 'a.ckpt');
    expect(decoded.header).toEqual(header);
    expect(decoded.values.map((array) => Array.from(array))).toEqual(values.map((array) => Array.from(array)));
  });

  it('names the file and the tensor where a truncated checkpoint ends', () => {
    const bytes = encodeCheckpoint(header, values);
    expect(() => decodeCheckpoint(bytes.subarray(0, bytes.length - 4), 'runs/a/last.ckpt')).toThrow(
      /^checkpoint: runs\/a\/last\.ckpt must be a Residual checkpoint, but it is truncated inside tensor optimizer\/0 at byte offset \d+\. Use the last\.ckpt or best\.ckpt that residual train wrote\.$/,
    );
  });

  it('refuses other files', () => {
    expect(() => decodeCheckpoint(new TextEncoder().encode('{"not": "a checkpoint"}'), 'x.json')).toThrow(
      'checkpoint: x.json must be a Residual checkpoint, but it does not start with RESIDUAL. Use the last.ckpt or best.ckpt that residual train wrote.',
    );
  });
});

describe('checkpoint header and values are checked before use', () => {
  const withHeader = (changes: Record<string, unknown>) => encodeUnchecked({ ...header, ...changes }, values);

  it('refuses a header without a tensor list, naming the field', () => {
    const { tensors: _, ...noTensors } = header;
    expect(() => decodeCheckpoint(encodeUnchecked(noTensors, []), 'x.ckpt')).toThrow(
      'checkpoint: x.ckpt must be a Residual checkpoint whose header lists its tensors (header.tensors, an array of { name, shape, group }), but got undefined. Use the last.ckpt or best.ckpt that residual train wrote.',
    );
  });

  it('refuses class names that do not match the model outputs', () => {
    const bytes = withHeader({ model: { ...header.model, numClasses: 3 } });
    expect(() => decodeCheckpoint(bytes, 'x.ckpt')).toThrow(
      'checkpoint: x.ckpt must name one class per model output (header.model.numClasses = 3), but header.data.classNames has 2 ("a", "b"). Use the last.ckpt or best.ckpt that residual train wrote.',
    );
  });

  it('refuses NaN or infinite values, counting them', () => {
    const bytes = encodeUnchecked(header, [Float32Array.from([1, Number.NaN, 3, Infinity, 0, 0]), values[1]!]);
    expect(() => decodeCheckpoint(bytes, 'runs/a/last.ckpt')).toThrow(
      'checkpoint: runs/a/last.ckpt must hold finite numbers, but 2 of 12 values are NaN or infinite (the first in conv/kernel). ' +
        'A diverged run wrote it; use an earlier checkpoint, or train again with a lower --lr.',
    );
  });

  it('never encodes a NaN or infinite value', () => {
    expect(() => encodeCheckpoint(header, [Float32Array.from([1, 2, 3, 4, 5, 6]), Float32Array.from([0, 0, -Infinity, 0, 0, 0])])).toThrow(
      'encodeCheckpoint: every value must be finite, but optimizer/0 holds -Infinity at index 2. Check the weights for divergence before saving.',
    );
  });
});

