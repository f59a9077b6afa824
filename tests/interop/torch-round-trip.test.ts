// Residual → PyTorch → Residual with Debian's PyTorch: a torchvision ResNet-18 (loaded into
// torchvision.models.resnet18 itself), and a CIFAR ResNet-20, its option-A twin ResNet-20a (zero-pad
// shortcuts) and the pre-activation ResNet-20 (loaded into the module file that the export writes),
// all with load_state_dict(strict=True). PyTorch's logits (NCHW) must equal
// Residual's (NHWC) within 1e-4; then PyTorch trains one step, saves its state_dict as its users
// do, and Residual's logits of that file must equal PyTorch's within 1e-4.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { buildModel } from '@residual/core';
import { defaultInferenceData, exportSafetensors, loadSafetensorsModel, selectNodeBackend } from '@residual/core/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runPython, torchMissing } from './python-torch.js';
import { randomizeBatchNorms } from './randomize-batch-norms.js';

const script = fileURLToPath(new URL('./torch_round_trip.py', import.meta.url));
const skip = torchMissing('Residual ⇄ PyTorch round trip');
let dir = '';

beforeAll(async () => {
  await selectNodeBackend({ backend: 'wasm' });
  dir = await mkdtemp(join(tmpdir(), 'residual-torch-'));
});
afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

function maxAbsDifference(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number {
  return Math.max(...a.flatMap((row, i) => row.map((value, j) => Math.abs(value - (b[i]?.[j] ?? Number.NaN)))));
}

interface TorchReport {
  metadataKeys: string[];
  /** the distinct values of every num_batches_tracked in the exported file */
  numBatchesTracked: number[];
  before: number[][];
  after: number[][];
}

const cases = [
  { name: 'resnet18', images: [2, 224, 224, 3], module: false },
  { name: 'resnet20', images: [4, 32, 32, 3], module: true },
  { name: 'resnet20a', images: [4, 32, 32, 3], module: true },
  { name: 'preactResnet20', images: [4, 32, 32, 3], module: true },
] as const;

describe.skipIf(skip !== undefined)('Residual → PyTorch → Residual', () => {
  test.each(cases)('$name: the logits agree within 1e-4 both ways', async ({ name, images, module }) => {
    const model = buildModel(name, { seed: 11 });
    randomizeBatchNorms(model, 12);
    const x = tf.randomNormal([...images], 0, 1, 'float32', 13) as tf.Tensor4D; // [N, H, W, C]
    const residual = (await model.predict(x).array()) as number[][];
    const weights = join(dir, `${name}.safetensors`);
    const written = await exportSafetensors(model, weights, { data: await defaultInferenceData(model.config) });
    expect(written).toEqual(module ? [weights, join(dir, `${name}.py`)] : [weights]);
    const imageFile = join(dir, `${name}.f32`);
    await writeFile(imageFile, new Uint8Array((await x.data()).buffer));
    const trained = join(dir, `${name}-trained.safetensors`);
    const args = [script, '--model', name, '--weights', weights, '--images', imageFile, '--shape', images.join(','), '--out', trained];
    const { stdout } = await runPython(module ? [...args, '--module', join(dir, `${name}.py`)] : args);
    const torch = JSON.parse(stdout) as TorchReport;
    expect(torch.metadataKeys).toEqual(['format', 'residual.data', 'residual.model']);
    expect(torch.numBatchesTracked).toEqual([0]);

    const exported = maxAbsDifference(torch.before, residual);
    const imported = await loadSafetensorsModel(trained, { model: name });
    const back = (await imported.model.predict(x).array()) as number[][];
    const returned = maxAbsDifference(back, torch.after);
    const moved = maxAbsDifference(torch.after, torch.before);
    console.log(`${name}: max |Δlogit| Residual→PyTorch ${exported.toExponential(2)}, PyTorch→Residual ${returned.toExponential(2)} (one PyTorch SGD step moved the logits by up to ${moved.toFixed(3)})`);
    expect(exported).toBeLessThanOrEqual(1e-4);
    expect(returned).toBeLessThanOrEqual(1e-4);
    expect(moved).toBeGreaterThan(1e-2);
    expect(imported.defaults).toBe(true); // PyTorch's save kept no Residual metadata
    tf.dispose(x);
    model.dispose();
    imported.model.dispose();
  }, 600_000);
});
