import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { DataError } from '../data/data-error.js';
import type { SafetensorsTensor } from './safetensors-format.js';
import { floatDtypes, integerDtypes, readFloat32 } from './safetensors-values.js';
import { relayout } from './torch-layout.js';
import { torchWeightNames } from './torch-weight-names.js';


function listed(keys: readonly string[]): string {
  return keys.length <= 4 ? keys.join(', ') : `${keys.slice(0, 4).join(', ')} and ${keys.length - 4} more`;
}

/**
 * Writes a PyTorch `state_dict` (torchvision's names and layouts) into a model, as
 * `load_state_dict(strict=True)` would: every key the model has must be there and no other, each
 * with the model's shape (OIHW convs, `[out, in]` linear weights) and a float dtype (F32, F16,
 * BF16 or F64; `num_batches_tracked` an integer scalar, whose value TF.js does not use). Every
 * tensor is checked before the first is written, so a bad file leaves the model as it was.
 *
 * @param model - a freshly built model of the same architecture.
 * @param tensors - key → tensor, e.g. `decodeSafetensors(bytes, file).tensors`.
 * @param file - where they came from, for messages.
 * @throws DataError `load: <file> must …, but …` for a missing, extra, misshapen or mistyped key.
 * @example
 * loadTorchStateDict(model.layersModel, decodeSafetensors(bytes, 'resnet18.safetensors').tensors, 'resnet18.safetensors');
 */
export function loadTorchStateDict(model: tfl.LayersModel, tensors: ReadonlyMap<string, SafetensorsTensor>, file: string): void {
  const fail = (rule: string, got: string, fix: string) => new DataError(`load: ${file} must ${rule}, but ${got}. ${fix}`);
  const entries = torchWeightNames(model);
  const expected = new Set(entries.map((entry) => entry.key));
  const missing = entries.map((entry) => entry.key).filter((key) => !tensors.has(key));
  const unexpected = [...tensors.keys()].filter((key) => !expected.has(key));
  if (missing.length > 0 || unexpected.length > 0) {
    const got = [missing.length > 0 ? `lacks ${listed(missing)}` : '', unexpected.length > 0 ? `has no place for ${listed(unexpected)}` : '']
      .filter(Boolean)
      .join(' and ');
    const wrapped = unexpected.length > 0 && unexpected.every((key) => key.startsWith('module.'));
    throw fail(
      `hold exactly the ${expected.size} tensors of ${model.name} (torchvision's state_dict keys)`,
      `it ${got}`,
      wrapped
        ? 'Its keys start with "module.": save model.module.state_dict() of a DistributedDataParallel model.'
        : 'Pass the --model it was trained as (and its number of classes comes from fc.weight).',
    );
  }
  for (const entry of entries) {
    const tensor = tensors.get(entry.key) as SafetensorsTensor;
    const dtypes: readonly string[] = entry.layout === 'counter' ? integerDtypes : floatDtypes;
    if (!dtypes.includes(tensor.dtype)) {
      throw fail(`store ${entry.key} as ${dtypes.join(' or ')}`, `it is ${tensor.dtype}`, 'Convert it with tensor.float() (or .long() for num_batches_tracked) before saving.');
    }
    if (tensor.shape.join(',') !== entry.torchShape.join(',')) {
      throw fail(
        `store ${entry.key} with shape [${entry.torchShape.join(', ')}]`,
        `it has [${tensor.shape.join(', ')}]`,
        'It was saved from another architecture: pass the --model it was trained as.',
      );
    }
  }
  for (const entry of entries) {
    const variable = entry.variable;
    if (variable === undefined) continue;
    const tensor = tensors.get(entry.key) as SafetensorsTensor;
    const shape = variable.shape as number[];
    const value = tf.tensor(relayout(readFloat32(tensor), shape, entry.layout, 'fromTorch'), shape, 'float32');
    variable.write(value);
    value.dispose();
  }
}
