// residual export --format tfjs: model.json and weight shards that a plain TF.js app (stock
// packages only, in its own process) loads with tf.loadLayersModel over HTTP, with the same logits.
// Batch norms get random statistics first, so that a batch norm the app ran differently would show.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { buildModel } from '@residual/core';
import { writeTfjsModel } from '@residual/core/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { randomizeBatchNorms } from './randomize-batch-norms.js';

const app = fileURLToPath(new URL('./load-tfjs-model.mjs', import.meta.url));
let dir = '';
let server: Server | undefined;
let base = '';

beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = await mkdtemp(join(tmpdir(), 'residual-tfjs-'));
  server = createServer((request, response) => {
    // /<model>/<file>: two plain names, nothing else is served
    const [folder = '', file = ''] = decodeURIComponent(request.url ?? '/').split('/').filter(Boolean).map((part) => basename(part));
    readFile(join(dir, folder, file))
      .then((body) => response.writeHead(200).end(body))
      .catch(() => response.writeHead(404).end());
  });
  await new Promise<void>((listening) => server?.listen(0, '127.0.0.1', listening));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((closed) => server?.close(closed));
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

const cases = [
  // ResNet-18's stem holds Residual's own padded max pool: the export turns it into stock layers.
  { name: 'resnet18', options: { numClasses: 5, inputShape: [64, 64, 3] as [number, number, number] }, images: [2, 64, 64, 3] },
  { name: 'resnet20', options: {}, images: [3, 32, 32, 3] },
  // Option A's zero-pad shortcut becomes a 1×1 AveragePooling2D and Permute + ZeroPadding2D + Permute.
  { name: 'resnet20a', options: {}, images: [3, 32, 32, 3] },
  // Pre-activation: batch norms that read an add, and the final BN + ReLU.
  { name: 'preactResnet20', options: {}, images: [3, 32, 32, 3] },
] as const;

describe('TF.js layers format', () => {
  test.each(cases)('$name: a stock TF.js app loads it and gets the same logits', async ({ name, options, images }) => {
    const model = buildModel(name, { seed: 21, ...options });
    randomizeBatchNorms(model, 23);
    const x = tf.randomUniform([...images], -2, 2, 'float32', 22);
    const expected = (await model.predict(x).array()) as number[][];
    const folder = join(dir, name);
    const written = await writeTfjsModel(model.layersModel, folder, { metadata: { residual: model.config } });
    expect(basename(written[0] ?? '')).toBe('model.json');
    const json = JSON.parse(await readFile(join(folder, 'model.json'), 'utf8')) as { modelTopology: { config: { layers: { class_name: string }[] } } };
    expect(json.modelTopology.config.layers.map((layer) => layer.class_name).filter((className) => className.startsWith('Residual'))).toEqual([]);
    const imageFile = join(dir, `${name}.f32`);
    await writeFile(imageFile, new Uint8Array((await x.data()).buffer));
    // Asynchronously: this process serves the files while the app loads them.
    const child = await promisify(execFile)(process.execPath, [app, `${base}/${name}/model.json`, imageFile, images.join(',')], { encoding: 'utf8', timeout: 120_000 });
    expect(child.stderr.replace(/={10,}[\s\S]*?={10,}\s*/g, '').trim()).toBe('');
    const loaded = JSON.parse(child.stdout) as { logits: number[][]; metadata: unknown };
    const difference = Math.max(...loaded.logits.flatMap((row, i) => row.map((value, j) => Math.abs(value - (expected[i]?.[j] ?? Number.NaN)))));
    console.log(`${name}: tf.loadLayersModel in a stock TF.js app, max |Δlogit| ${difference.toExponential(2)}`);
    expect(difference).toBeLessThanOrEqual(1e-4);
    expect(loaded.metadata).toEqual({ residual: model.config });
    tf.dispose(x);
    model.dispose();
  });
});
