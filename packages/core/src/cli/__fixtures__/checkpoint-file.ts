import { writeFile } from 'node:fs/promises';
import { encodeUnchecked } from '../../training/checkpoint/__fixtures__/encode-unchecked.js';
import { encodeCheckpoint, type CheckpointHeader } from '../../training/checkpoint/checkpoint-format.js';
import { snapshotTensors } from '../../training/checkpoint/snapshot.js';
import { cifar10ClassNames } from '../../training/data/cifar10-binary.js';
import { buildModel } from '../../model/models/registry.js';

/**
 * Writes an untrained ResNet-20 checkpoint for CIFAR-10 (a backend must be set), with a hook to
 * damage its header or values first — for tests of what eval and predict refuse.
 */
export async function writeCheckpointFile(
  file: string,
  damage: { header?: (header: Record<string, unknown>) => void; values?: (values: Float32Array[]) => void } = {},
): Promise<void> {
  const model = buildModel('resnet20', { seed: 1 });
  const { tensors, values } = await snapshotTensors(model.layersModel, undefined);
  model.dispose();
  const header: CheckpointHeader = {
    format: 'residual-checkpoint',
    version: 1,
    model: model.config,
    data: { kind: 'cifar10', source: 'test', classNames: cifar10ClassNames, imageShape: [32, 32, 3], stats: { mean: [0.49, 0.48, 0.45], std: [0.25, 0.24, 0.26] } },
    fit: { epochs: 1, batchSize: 8, lr: 0.1, schedule: { kind: 'constant' }, labelSmoothing: 0, augment: null },
    optimizer: { kind: 'sgd', momentum: 0.9, weightDecay: 1e-4, step: 0 },
    seed: 1,
    state: { epoch: 1, step: 0, rng: [1, 2, 3, 4], bestAccuracy: 0.1, bestEpoch: 1 },
    history: [],
    backend: 'wasm',
    savedAt: '2026-12-01T00:00:00.000Z',
    tensors,
  };
  if (damage.header === undefined && damage.values === undefined) {
    await writeFile(file, encodeCheckpoint(header, values));
    return;
  }
  // Past encodeCheckpoint's own checks, as a damaged or foreign file would be.
  const json = JSON.parse(JSON.stringify(header)) as Record<string, unknown>;
  damage.header?.(json);
  const copies = values.map((array) => Float32Array.from(array));
  damage.values?.(copies);
  await writeFile(file, encodeUnchecked(json, copies));
}
