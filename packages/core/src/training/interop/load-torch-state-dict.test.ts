import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { DataError } from '../data/data-error.js';
import { buildModel } from '../../model/models/registry.js';
import { loadTorchStateDict } from './load-torch-state-dict.js';
import { decodeSafetensors, encodeSafetensors, type SafetensorsTensor } from './safetensors-format.js';
import { float32Tensor, int64Scalar } from './safetensors-values.js';
import { toTorchStateDict } from './to-torch-state-dict.js';
import { torchWeightNames } from './torch-weight-names.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const small = { numClasses: 3, inputShape: [8, 8, 3] as [number, number, number] };

describe('torchvision names and layouts', () => {
  test('resnet20: torchvision keys from layer names, conv OIHW, linear [out, in], BN buffers', () => {
    const model = buildModel('resnet20', { seed: 1, ...small });
    const entries = torchWeightNames(model.layersModel);
    const keys = entries.map((entry) => entry.key);
    expect(keys.slice(0, 7)).toEqual(['conv1.weight', 'bn1.weight', 'bn1.bias', 'bn1.running_mean', 'bn1.running_var', 'bn1.num_batches_tracked', 'layer1.0.conv1.weight']);
    expect(keys).toContain('layer2.0.downsample.0.weight');
    expect(keys).toContain('layer3.0.downsample.1.running_var');
    expect(keys.slice(-2)).toEqual(['fc.weight', 'fc.bias']);
    const shape = (key: string) => entries.find((entry) => entry.key === key)?.torchShape;
    expect(shape('conv1.weight')).toEqual([16, 3, 3, 3]);
    expect(shape('layer2.0.conv1.weight')).toEqual([32, 16, 3, 3]);
    expect(shape('layer2.0.downsample.0.weight')).toEqual([32, 16, 1, 1]);
    expect(shape('fc.weight')).toEqual([3, 64]);
    expect(shape('bn1.num_batches_tracked')).toEqual([]);
    model.dispose();
  });

  test('a conv weight is OIHW: element [o, i, h, w] is the TF.js kernel at [h, w, i, o]', () => {
    const model = buildModel('resnet20', { seed: 2, ...small });
    const kernel = model.layersModel.getLayer('layer2.0.conv1').getWeights()[0] as tf.Tensor4D; // [3, 3, 16, 32]
    const hwio = kernel.arraySync();
    const torch = decodeSafetensors(encodeSafetensors(toTorchStateDict(model.layersModel)), 'x').tensors.get('layer2.0.conv1.weight') as SafetensorsTensor;
    const values = new Float32Array(torch.bytes.slice().buffer);
    for (const [o, i, h, w] of [[0, 0, 0, 0], [31, 15, 2, 2], [5, 9, 1, 2], [17, 3, 2, 0]] as const) {
      expect(values[((o * 16 + i) * 3 + h) * 3 + w]).toBe(hwio[h]?.[w]?.[i]?.[o]);
    }
    const fcKernel = (model.layersModel.getLayer('fc').getWeights()[0] as tf.Tensor2D).arraySync(); // [64, 3]
    const linear = new Float32Array((toTorchStateDict(model.layersModel).get('fc.weight') as SafetensorsTensor).bytes.slice().buffer);
    expect(linear[2 * 64 + 7]).toBe(fcKernel[7]?.[2]); // [out = 2, in = 7]
    model.dispose();
  });

  test('export then load into a model of another seed gives the same logits; num_batches_tracked is the count given', () => {
    const source = buildModel('resnet20', { seed: 3, ...small });
    const target = buildModel('resnet20', { seed: 4, ...small });
    const x = tf.randomNormal([2, 8, 8, 3], 0, 1, 'float32', 5);
    const state = toTorchStateDict(source.layersModel, { numBatchesTracked: 42 });
    expect(Array.from(state.get('bn1.num_batches_tracked')?.bytes ?? [])).toEqual(Array.from(int64Scalar(42).bytes));
    expect(Array.from(target.predict(x).dataSync())).not.toEqual(Array.from(source.predict(x).dataSync()));
    loadTorchStateDict(target.layersModel, decodeSafetensors(encodeSafetensors(state), 'r.safetensors').tensors, 'r.safetensors');
    expect(Array.from(target.predict(x).dataSync())).toEqual(Array.from(source.predict(x).dataSync()));
    tf.dispose(x);
    source.dispose();
    target.dispose();
  });

  test('strict like load_state_dict: missing, extra, misshapen and mistyped keys are refused before anything is written', () => {
    const model = buildModel('resnet20', { seed: 6, ...small });
    const state = toTorchStateDict(model.layersModel);
    const before = model.layersModel.getWeights().map((weight) => Array.from(weight.dataSync()));
    const refuse = (change: (tensors: Map<string, SafetensorsTensor>) => void) => {
      const tensors = new Map(state);
      change(tensors);
      let caught: unknown;
      try {
        loadTorchStateDict(model.layersModel, tensors, 'w.safetensors');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DataError);
      return (caught as Error).message;
    };
    expect(
      refuse((tensors) => {
        tensors.delete('fc.bias');
        tensors.set('head.bias', float32Tensor([3], new Float32Array(3)));
      }),
    ).toBe(
      `load: w.safetensors must hold exactly the ${state.size} tensors of resnet20 (torchvision's state_dict keys), but it lacks fc.bias and has no place for head.bias. ` +
        'Pass the --model it was trained as (and its number of classes comes from fc.weight).',
    );
    expect(refuse((tensors) => {
      for (const [key, tensor] of state) {
        tensors.delete(key);
        tensors.set(`module.${key}`, tensor);
      }
    })).toMatch(/it lacks conv1\.weight, bn1\.weight, .* and \d+ more and has no place for module\.conv1\.weight, .*Its keys start with "module\.": save model\.module\.state_dict\(\) of a DistributedDataParallel model\.$/);
    expect(refuse((tensors) => tensors.set('fc.weight', float32Tensor([10, 64], new Float32Array(640))))).toBe(
      'load: w.safetensors must store fc.weight with shape [3, 64], but it has [10, 64]. It was saved from another architecture: pass the --model it was trained as.',
    );
    expect(refuse((tensors) => tensors.set('fc.bias', { dtype: 'I32', shape: [3], bytes: new Uint8Array(12) }))).toBe(
      'load: w.safetensors must store fc.bias as F32 or F16 or BF16 or F64, but it is I32. Convert it with tensor.float() (or .long() for num_batches_tracked) before saving.',
    );
    expect(refuse((tensors) => tensors.set('bn1.num_batches_tracked', float32Tensor([], new Float32Array(1))))).toMatch(/must store bn1\.num_batches_tracked as I64 or I32/);
    expect(model.layersModel.getWeights().map((weight) => Array.from(weight.dataSync()))).toEqual(before);
    model.dispose();
  });
});
