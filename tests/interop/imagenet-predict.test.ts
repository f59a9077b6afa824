// Weights from torchvision run in Residual: a torchvision ResNet-18 state_dict (saved as PyTorch
// users save it, without Residual's metadata) imported with --model resnet18 predicts with
// torchvision's preprocessing (resize 256, centre crop 224, ImageNet mean and std) and the 1,000
// ImageNet class names, and gives torchvision's own top-5 for the same photo.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { imagenetMeta, imagenetPreprocess } from '@residual/core';
import { decodeImage } from '@residual/core/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runPython, torchMissing } from './python-torch.js';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const bin = join(root, 'packages/core/bin/residual.js');
const script = fileURLToPath(new URL('./torchvision_predict.py', import.meta.url));
const skip = torchMissing('torchvision weights in residual predict');
let dir = '';
let torch: { top: { className: string; score: number }[]; categories: string[] };

const residual = async (...args: string[]) => (await promisify(execFile)(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 300_000 })).stdout;

beforeAll(async () => {
  if (skip !== undefined) return;
  dir = await mkdtemp(join(tmpdir(), 'residual-imagenet-'));
  torch = JSON.parse((await runPython([script, '--dir', dir])).stdout) as typeof torch;
}, 300_000);
afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe.skipIf(skip !== undefined)('torchvision weights and preprocessing in Residual', () => {
  test('the class names and preprocessing sizes are torchvision\'s (imagenet-meta.ts is up to date)', () => {
    expect(imagenetMeta.classNames).toEqual(torch.categories);
    expect(imagenetMeta.classNames[207]).toBe('golden retriever');
  });

  test('resize 256 and centre crop 224 give torchvision\'s bytes for an odd-sized photo', async () => {
    const photo = decodeImage(new Uint8Array(await readFile(join(dir, 'photo.png'))), 'photo.png');
    expect([photo.height, photo.width]).toEqual([300, 451]);
    const ours = imagenetPreprocess(photo.pixels, [photo.height, photo.width, 3]);
    const theirs = new Uint8Array(await readFile(join(dir, 'crop.u8')));
    expect(ours.length).toBe(224 * 224 * 3);
    const differences = ours.reduce((count, value, index) => count + (value === theirs[index] ? 0 : 1), 0);
    expect(differences).toBe(0);
  });

  test('residual predict --model resnet18 gives torchvision\'s top-5 and says "golden retriever"', async () => {
    const weights = join(dir, 'resnet18.safetensors');
    const photo = join(dir, 'photo.png');
    const { guesses } = JSON.parse(await residual('predict', '--checkpoint', weights, '--model', 'resnet18', '--top', '5', '--json', '--backend', 'wasm', photo)) as {
      guesses: { className: string; score: number }[];
    };
    expect(guesses.map((guess) => guess.className)).toEqual(torch.top.map((guess) => guess.className));
    const difference = Math.max(...guesses.map((guess, index) => Math.abs(guess.score - (torch.top[index]?.score ?? Number.NaN))));
    console.log(`torchvision ResNet-18 in residual predict: top-5 as torchvision's, max |Δprobability| ${difference.toExponential(2)}`);
    expect(difference).toBeLessThanOrEqual(1e-4);
    const said = await residual('predict', '--checkpoint', weights, '--model', 'resnet18', '--backend', 'wasm', photo);
    expect(said.trim()).toBe(`this picture might be: golden retriever, score: ${torch.top[0]?.score.toFixed(2)}`);
  }, 600_000);
});
