import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cifar10SampleDir } from '../training/data/__fixtures__/sample-dir.js';
import { decodeCifar10Batch } from '../training/data/cifar10-binary.js';
import { decodeSafetensors, encodeSafetensors } from '../training/interop/safetensors-format.js';
import { memoryIo } from './__fixtures__/memory-io.js';
import { main } from './main.js';

const sample = cifar10SampleDir();

async function run(...argv: string[]) {
  const io = memoryIo(`residual ${argv.join(' ')}`);
  const status = await main(argv, io);
  return { status, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('residual export', () => {
  let work: string;
  let runDir: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'residual-export-'));
    runDir = join(work, 'run');
    const trained = await run('train', '--data', sample, '--limit', '24', '--batch-size', '8', '--epochs', '1', '--backend', 'wasm', '--out', runDir);
    expect(trained.status).toBe(0);
  });

  it('a checkpoint becomes safetensors plus its PyTorch module, and evaluates exactly as the checkpoint', async () => {
    const out = join(work, 'resnet20.safetensors');
    const exported = await run('export', '--checkpoint', runDir, '--out', out, '--backend', 'wasm');
    expect(exported.status).toBe(0);
    expect(exported.out.split('\n')).toEqual([
      `wrote ${out}`,
      `wrote ${join(work, 'resnet20.py')}`,
      `in PyTorch: the module resnet20.py defines it; load(${JSON.stringify(out)}) builds it and loads the weights strictly`,
    ]);
    const { tensors, metadata } = decodeSafetensors(new Uint8Array(await readFile(out)), out);
    expect(tensors.get('layer3.2.bn2.num_batches_tracked')?.bytes[0]).toBe(3); // 24 images / batch 8: 3 steps
    expect(JSON.parse(metadata['residual.data'] ?? '{}')).toMatchObject({ classNames: ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'], preprocess: 'exact' });
    const module = await readFile(join(work, 'resnet20.py'), 'utf8');
    expect(module).toMatch(/^ARCHITECTURE = json\.loads\(r'''\{"name":"resnet20","numClasses":10,"inputShape":\[32,32,3\],"spec":\{"stem":"cifar",/m);
    expect(module).not.toMatch(/^ARCHITECTURE = None$/m);
    const evaluate = async (checkpoint: string) => JSON.parse((await run('eval', '--checkpoint', checkpoint, '--data', sample, '--limit', '24', '--backend', 'wasm', '--json')).out) as Record<string, unknown>;
    const [original, imported] = [await evaluate(runDir), await evaluate(out)];
    expect({ ...imported, checkpoint: '', epoch: 1 }).toEqual({ ...original, checkpoint: '' });
    expect(imported['epoch']).toBeNull();
  });

  it('--format tfjs writes model.json and its shard into a folder', async () => {
    const folder = join(work, 'web');
    const { status, out } = await run('export', '--model', 'resnet20', '--seed', '2', '--format', 'tfjs', '--out', folder, '--backend', 'wasm', '--json');
    expect(status).toBe(0);
    expect(JSON.parse(out)).toEqual({ model: 'resnet20', format: 'tfjs', files: [join(folder, 'model.json'), join(folder, 'group1-shard1of1.bin')] });
    expect((await readdir(folder)).sort()).toEqual(['group1-shard1of1.bin', 'model.json']);
  });

  it('a torchvision model gets no module file; a bad command line says what to pass', async () => {
    const out = join(work, 'resnet18.safetensors');
    const fresh = await run('export', '--model', 'resnet18', '--classes', '4', '--out', out, '--backend', 'wasm', '--json');
    expect(JSON.parse(fresh.out)).toEqual({ model: 'resnet18', format: 'safetensors', files: [out] });
    const failures = [
      [['export', '--out', out], 'error: residual export: --checkpoint or --model must name what to export, but got neither. Example: --model resnet20 --out resnet20.safetensors.'],
      [['export', '--model', 'resnet20', '--out', 'model.bin'], 'error: residual export: --out must end in .safetensors for --format safetensors, but got "model.bin". Pass e.g. --out model.safetensors, or --format tfjs for a folder.'],
      [['export', '--model', 'resnet21', '--out', out], /^error: residual export: --model must be one of resnet18, .*, but got "resnet21"\. See residual export --help\.$/],
      [['export', '--checkpoint', runDir, '--model', 'resnet20', '--out', out], 'error: residual export: --model must be left out with a Residual checkpoint (it names its model), but got both. Pass one of them.'],
    ] as const;
    for (const [argv, message] of failures) {
      const { status, err } = await run(...argv, '--backend', 'wasm');
      expect(status).toBe(2);
      expect(err.split('\n').at(-1)).toMatch(message);
    }
  });

  it('eval of a safetensors file that names no architecture asks for --model', async () => {
    const named = join(work, 'resnet18.safetensors'); // written by the test above, with metadata: rewrite it without
    const { tensors } = decodeSafetensors(new Uint8Array(await readFile(named)), named);
    const plain = join(work, 'plain.safetensors');
    await writeFile(plain, encodeSafetensors(tensors));
    const { status, err } = await run('eval', '--checkpoint', plain, '--data', sample, '--backend', 'wasm');
    expect(status).toBe(1);
    expect(err.split('\n').at(-1)).toBe(`error: load: ${plain} must come with --model <name> (it does not name its architecture), but got none. Example: --model resnet18.`);
  });
});

describe('residual eval and predict with the safetensors of option-A and pre-activation ResNets', () => {
  let work: string;
  let image: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'residual-export-arch-'));
    // The first image of the sample's test split as a 32×32 PNG, for predict.
    const split = decodeCifar10Batch(new Uint8Array(await readFile(join(sample, 'test_batch.bin'))), 'test_batch.bin');
    const png = new PNG({ width: 32, height: 32 });
    for (let pixel = 0; pixel < 32 * 32; pixel++) png.data.set([...split.images.subarray(pixel * 3, pixel * 3 + 3), 255], pixel * 4);
    image = join(work, 'sample-0.png');
    await writeFile(image, PNG.sync.write(png));
  });

  it.each(['resnet20a', 'preactResnet20'])('%s: a trained checkpoint and its safetensors evaluate and predict the same', async (name) => {
    // One training step, so that the batch norms' running statistics are no longer 0 and 1.
    const runDir = join(work, name);
    const trained = await run('train', '--model', name, '--data', sample, '--limit', '10', '--batch-size', '10', '--epochs', '1', '--backend', 'wasm', '--out', runDir);
    expect(trained.status).toBe(0);
    const out = join(work, `${name}.safetensors`);
    const exported = await run('export', '--checkpoint', runDir, '--out', out, '--backend', 'wasm', '--json');
    expect(JSON.parse(exported.out)).toEqual({ model: name, format: 'safetensors', files: [out, join(work, `${name}.py`)] });
    const evaluate = async (checkpoint: string) => JSON.parse((await run('eval', '--checkpoint', checkpoint, '--data', sample, '--limit', '20', '--backend', 'wasm', '--json')).out) as Record<string, unknown>;
    const [original, imported] = [await evaluate(runDir), await evaluate(out)];
    expect(original).toMatchObject({ model: name, epoch: 1, count: 20 });
    expect({ ...imported, checkpoint: '', epoch: 1 }).toEqual({ ...original, checkpoint: '' });
    const predict = async (checkpoint: string) => (JSON.parse((await run('predict', '--checkpoint', checkpoint, '--top', '3', '--backend', 'wasm', '--json', image)).out) as { guesses: unknown[] }).guesses;
    const guesses = await predict(runDir);
    expect(guesses).toHaveLength(3);
    expect(await predict(out)).toEqual(guesses);
  });
});
