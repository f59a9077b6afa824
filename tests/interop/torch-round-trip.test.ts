// Residual → PyTorch → Residual with Debian's PyTorch: a torchvision ResNet-18 (loaded into
// torchvision.models.resnet18 itself) and the CIFAR ResNet-20 with each kind of shortcut and block
// the module file that the export writes can build — projections, the paper's zero-pad (option A),
// pre-activation blocks — all loaded with load_state_dict(strict=True). PyTorch's logits (NCHW) must equal
// Residual's (NHWC) within 1e-4; then PyTorch trains one step, saves its state_dict as its users
// do, and Residual's logits of that file must equal PyTorch's within 1e-4.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { buildModel, type ResNetModel } from '@residual/core';
import { defaultInferenceData, exportSafetensors, loadSafetensorsModel, selectNodeBackend } from '@residual/core/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runPython, torchMissing } from './python-torch.js';

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

/** Gives every batch norm its own γ, β and running statistics, so that a swapped mapping shows. */
function randomizeBatchNorms(model: ResNetModel, seed: number): void {
  let draw = seed;
  const uniform = (count: number, low: number, high: number) => tf.randomUniform([count], low, high, 'float32', draw++);
  for (const layer of model.layersModel.layers) {
    if (layer.getClassName() !== 'BatchNormalization') continue;
    const channels = layer.weights[0]?.shape[0] ?? 0;
    const values = [uniform(channels, 0.5, 1.5), uniform(channels, -0.2, 0.2), uniform(channels, -0.2, 0.2), uniform(channels, 0.5, 1.5)];
    layer.setWeights(values); // gamma, beta, moving_mean, moving_variance
    tf.dispose(values);
  }
}

function maxAbsDifference(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number {
  return Math.max(...a.flatMap((row, i) => row.map((value, j) => Math.abs(value - (b[i]?.[j] ?? Number.NaN)))));
}

interface TorchReport {
  metadataKeys: string[];
  numBatchesTracked: number;
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
    expect(torch.numBatchesTracked).toBe(0);

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
