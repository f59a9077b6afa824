// The catalog of shape errors: each fixture holds one architecture bug. tsc must report exactly one
// error, on the line that is wrong, with the message below; running the same code from JavaScript
// must throw an Error with the same words.
import { readdirSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { compileFixtures, type FixtureDiagnostic } from './compile-fixtures.js';

const folder = new URL('./__fixtures__/errors/', import.meta.url);

/** file → [line, the argument's type as tsc prints it, the shape error] */
const catalog: Record<string, readonly [number, string, string]> = {
  'dropped-shortcut.ts': [5, '{ filters: number; strides: number; }', "shape error: basicBlock: residual add: main branch [N,16,16,128] vs identity shortcut [N,32,32,64] — use shortcut: 'projection' (1×1 conv, stride 2, 64→128) or 'zero-pad' (no parameters, stride 2, 64→128)"],
  'bottleneck-channels.ts': [5, '{ filters: number; }', "shape error: bottleneck: residual add: main branch [N,56,56,256] vs identity shortcut [N,56,56,64] — use shortcut: 'projection' (1×1 conv, stride 1, 64→256) or 'zero-pad' (no parameters, stride 1, 64→256)"],
  'residual-add-mismatch.ts': [7, 'Sym<[number, 32, 32, 64]>', 'shape error: add: inputs must have the same shape, but got [N,16,16,128] and [N,32,32,64] — project the second input with a shortcut conv (1×1 conv, stride 2, 64→128) and batchNorm, or zero-pad it (zeroPadShortcut, stride 2, 64→128)'],
  'kernel-too-large.ts': [5, '{ filters: number; kernelSize: number; }', "shape error: conv2d: kernel 7×7 must fit the input, but got [N,5,5,3] with padding 'valid' — use padding 'same', a smaller kernelSize or a larger input"],
  'dense-on-feature-map.ts': [5, 'Sym<[number, 7, 7, 512]>', 'shape error: dense: input must be rank 2 [N,features], but got [N,7,7,512] — call flatten(x) or globalAvgPool(x) first'],
  'pool-padding.ts': [5, '{ poolSize: number; strides: number; padding: number; }', 'shape error: maxPool2d: padding must be at most half the pool size, but got padding 2 for poolSize 3×3 — use padding ≤ 1'],
  'stride-and-dilation.ts': [5, '{ filters: number; kernelSize: number; strides: number; dilationRate: number; }', 'shape error: conv2d: strides or dilationRate must be 1 (TF.js), but got strides 2×2 and dilationRate 2×2 — use a stride or a dilation, not both'],
  'global-pool-rank.ts': [5, 'Sym<[number, 25088]>', 'shape error: globalAvgPool: input must be rank 4 [N,H,W,C], but got [N,25088] — pass a batch of feature maps, NHWC'],
  'one-bug-one-error.ts': [6, '{ filters: number; strides: number; }', "shape error: basicBlock: residual add: main branch [N,16,16,32] vs identity shortcut [N,32,32,16] — use shortcut: 'projection' (1×1 conv, stride 2, 16→32) or 'zero-pad' (no parameters, stride 2, 16→32)"],
  'zero-pad-narrows.ts': [5, '{ filters: number; strides: number; shortcut: string; }', "shape error: basicBlock: zero-pad shortcut must keep every input channel, but got 64→32 — use shortcut: 'projection' (1×1 conv, stride 2, 64→32)"],
};

let diagnostics: FixtureDiagnostic[] = [];

beforeAll(async () => {
  await tf.setBackend('cpu');
  const files = readdirSync(folder).map((name) => new URL(name, folder).pathname);
  diagnostics = compileFixtures(files);
}, 120_000);

describe('shape errors: one bug, one tsc error, with the fix in the message', () => {
  test('the catalog covers every fixture', () => {
    expect(readdirSync(folder).sort()).toEqual(Object.keys(catalog).sort());
  });

  test.each(Object.entries(catalog))('%s', (file, [line, argument, message]) => {
    expect(diagnostics.filter((diagnostic) => diagnostic.file === file)).toEqual([
      {
        file,
        line,
        code: 2345,
        message: `Argument of type '${argument}' is not assignable to parameter of type '"${message}"'.`,
      },
    ]);
  });

  test.each(Object.entries(catalog))('%s from plain JavaScript throws the same words', async (file, [, , message]) => {
    await expect(import(new URL(file, folder).href)).rejects.toThrow(message);
  });
});
