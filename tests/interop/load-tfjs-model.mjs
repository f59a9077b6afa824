// A plain TF.js app, as a user writes one: stock TF.js packages only (no @residual/core, so none of
// its layers registered), tf.loadLayersModel over HTTP, predict. Used by tfjs-format.test.ts.
//   node load-tfjs-model.mjs <url of model.json> <float32 NHWC file> <N,H,W,C>
import { readFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';

const [url, imageFile, shape] = process.argv.slice(2);
await tf.setBackend('cpu');
const model = await tfl.loadLayersModel(url);
const bytes = await readFile(imageFile);
const images = tf.tensor(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4), shape.split(',').map(Number));
const logits = model.predict(images);
process.stdout.write(JSON.stringify({ logits: await logits.array(), metadata: model.getUserDefinedMetadata() ?? null }));
