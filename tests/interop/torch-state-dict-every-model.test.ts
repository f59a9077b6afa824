// Every registered model exports to PyTorch: the network PyTorch builds for it (torchvision's own
// model for the ImageNet ResNets, the module file `residual export` writes for the others: CIFAR
// ResNets with projection or zero-pad shortcuts, pre-activation ResNets, plain twins) has exactly
// the state_dict keys and shapes of the export, so load_state_dict(strict=True) takes the file.
// torch-round-trip.test.ts checks the numbers for one model of each kind.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildModel, modelNames, torchWeightNames } from '@residual/core';
import { selectNodeBackend, torchModuleSource, torchvisionModels } from '@residual/core/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runPython, torchMissing } from './python-torch.js';

const script = fileURLToPath(new URL('./torch_state_dict_shapes.py', import.meta.url));
const skip = torchMissing('PyTorch state_dict of every registered model');
let dir = '';

beforeAll(async () => {
  await selectNodeBackend({ backend: 'cpu' });
  dir = await mkdtemp(join(tmpdir(), 'residual-torch-keys-'));
});
afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe.skipIf(skip !== undefined)('PyTorch networks of every registered model', () => {
  test('each has exactly the keys and shapes residual export writes', async () => {
    const exported: Record<string, Record<string, number[]>> = {};
    const entries: { name: string; numClasses: number; module: string | null }[] = [];
    for (const name of modelNames) {
      // 7 classes and a small input: the weights' shapes do not depend on the input's size.
      const model = buildModel(name, { numClasses: 7, inputShape: [32, 32, 3] });
      exported[name] = Object.fromEntries(torchWeightNames(model.layersModel).map((entry) => [entry.key, [...entry.torchShape]]));
      let module: string | null = null;
      if (!torchvisionModels.includes(name)) {
        module = join(dir, `${name}.py`);
        await writeFile(module, await torchModuleSource(model.config));
      }
      entries.push({ name, numClasses: 7, module });
      model.dispose();
    }
    const list = join(dir, 'models.json');
    await writeFile(list, JSON.stringify(entries));
    const torch = JSON.parse((await runPython([script, list])).stdout) as Record<string, Record<string, number[]>>;
    expect(Object.keys(torch)).toEqual([...modelNames]);
    for (const name of modelNames) {
      // Sorted: strict loading compares sets of keys, not their order.
      const sorted = (shapes: Record<string, number[]> | undefined) => Object.entries(shapes ?? {}).sort(([a], [b]) => a.localeCompare(b));
      expect(sorted(torch[name]), name).toEqual(sorted(exported[name]));
    }
  }, 300_000);
});
