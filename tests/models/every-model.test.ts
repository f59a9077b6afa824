// Every registered model, built: its parameters (trainable and not) and multiply-accumulates
// against a formula written from the papers' tables (He et al. 2015, table 1 and §4.2; He et al.
// 2016 for pre-activation), which reads the architecture from the model's name, not from the
// library's specs, and its output shape against its type's.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildModel, countMacs, countParams, modelNames } from '@residual/core';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type Block = 'basic' | 'bottleneck' | 'preact';
type ShortcutKind = 'projection' | 'zero-pad' | 'none';

interface Architecture {
  stem: 'imagenet' | 'cifar';
  stemFilters: number;
  block: Block;
  layers: number[];
  widths: number[];
  shortcut: ShortcutKind;
  classes: number;
  size: number;
}

/** Table 1 of the paper: blocks per stage of the ImageNet ResNets. */
const imagenetLayers: Record<string, number[]> = { 18: [2, 2, 2, 2], 34: [3, 4, 6, 3], 50: [3, 4, 6, 3], 101: [3, 4, 23, 3], 152: [3, 8, 36, 3] };

/** The architecture a registered name stands for, from the papers' naming. */
function architecture(name: string): Architecture | undefined {
  const imagenet = /^(resnet|plain)(18|34|50|101|152)$/.exec(name);
  if (imagenet !== null) {
    const [, family = '', depth = ''] = imagenet;
    const layers = imagenetLayers[depth];
    if (layers === undefined) return undefined;
    const block = Number(depth) >= 50 ? 'bottleneck' : 'basic';
    return { stem: 'imagenet', stemFilters: 64, block, layers, widths: [64, 128, 256, 512], shortcut: family === 'plain' ? 'none' : 'projection', classes: 1000, size: 224 };
  }
  if (name === 'cifarResnet18' || name === 'cifarPlain18') {
    const shortcut = name === 'cifarPlain18' ? 'none' : 'projection';
    return { stem: 'cifar', stemFilters: 64, block: 'basic', layers: [2, 2, 2, 2], widths: [64, 128, 256, 512], shortcut, classes: 10, size: 32 };
  }
  const cifar = /^(resnet|plain|preactResnet)(\d+)(a?)$/.exec(name);
  if (cifar === null) return undefined;
  const [, family = '', depth = '', optionA = ''] = cifar;
  const n = (Number(depth) - 2) / 6; // 6n + 2 layers (§4.2)
  if (!Number.isInteger(n) || n < 1) return undefined;
  const shortcut: ShortcutKind = family === 'plain' ? 'none' : family === 'preactResnet' || optionA === 'a' ? 'zero-pad' : 'projection';
  return { stem: 'cifar', stemFilters: 16, block: family === 'preactResnet' ? 'preact' : 'basic', layers: [n, n, n], widths: [16, 32, 64], shortcut, classes: 10, size: 32 };
}

interface Counts {
  trainable: number;
  nonTrainable: number;
  macs: number;
}

/** Counts of an architecture: conv k×k is k²·C·C′ weights and H′·W′·k²·C·C′ MACs, BN 2C + 2C, fc C·K + K. */
function counts(arch: Architecture): Counts {
  const total: Counts = { trainable: 0, nonTrainable: 0, macs: 0 };
  const conv = (kernel: number, inChannels: number, outChannels: number, outSize: number) => {
    total.trainable += kernel * kernel * inChannels * outChannels;
    total.macs += outSize * outSize * kernel * kernel * inChannels * outChannels;
  };
  const norm = (channels: number) => {
    total.trainable += 2 * channels; // γ, β
    total.nonTrainable += 2 * channels; // running mean and variance
  };
  let size = arch.size;
  let channels = arch.stemFilters;
  if (arch.stem === 'imagenet') {
    size = Math.ceil(size / 2); // 7×7, stride 2, padding 3
    conv(7, 3, channels, size);
    size = Math.ceil(size / 2); // 3×3 max-pool, stride 2, padding 1
  } else {
    conv(3, 3, channels, size);
  }
  if (arch.block !== 'preact') norm(channels);
  arch.layers.forEach((blocks, stage) => {
    const width = arch.widths[stage] ?? Number.NaN;
    for (let index = 0; index < blocks; index++) {
      const stride = stage > 0 && index === 0 ? 2 : 1;
      const inSize = size;
      size = Math.ceil(size / stride);
      const out = arch.block === 'bottleneck' ? 4 * width : width;
      const changes = stride !== 1 || channels !== out;
      if (arch.block === 'bottleneck') {
        conv(1, channels, width, inSize); // v1.5: the 1×1 before the stride
        norm(width);
        conv(3, width, width, size);
        norm(width);
        conv(1, width, out, size);
        norm(out);
      } else {
        if (arch.block === 'preact') norm(channels); // BN → ReLU before the first conv
        conv(3, channels, width, size);
        norm(width);
        conv(3, width, width, size);
        if (arch.block === 'basic') norm(width);
      }
      if (changes && arch.shortcut === 'projection') {
        conv(1, channels, out, size);
        if (arch.block !== 'preact') norm(out); // the pre-activation projection is a conv alone
      }
      channels = out;
    }
  });
  if (arch.block === 'preact') norm(channels); // the last BN + ReLU before pooling
  total.trainable += channels * arch.classes + arch.classes;
  total.macs += channels * arch.classes;
  return total;
}

describe('every registered model', () => {
  test('has an architecture the formula knows (a new model needs its line here)', () => {
    expect(modelNames.filter((name) => architecture(name) === undefined)).toEqual([]);
    for (const name of ['plain18', 'plain34', 'plain32', 'plain44', 'plain110', 'resnet32', 'resnet44', 'cifarPlain18', 'resnet20a', 'preactResnet56']) {
      expect(modelNames).toContain(name);
    }
  });

  test('the formula gives the published numbers', () => {
    expect(counts(architecture('resnet18')!).trainable).toBe(11_689_512); // torchvision
    expect(counts(architecture('resnet50')!).trainable).toBe(25_557_032);
    expect(counts(architecture('resnet152')!).trainable).toBe(60_192_808);
    expect(Math.round(counts(architecture('resnet18')!).macs / 1e6)).toBe(1814); // torchvision's 1.81 "GFLOPS"
    expect(Number((counts(architecture('resnet110a')!).trainable / 1e6).toPrecision(2))).toBe(1.7); // table 6
  });

  test.each([...modelNames])('%s: parameters and MACs by the formula, output [N, classes]', (name) => {
    const arch = architecture(name)!;
    const model = buildModel(name, { seed: 0 });
    try {
      const expected = counts(arch);
      expect(countParams(model)).toEqual({ trainable: expected.trainable, nonTrainable: expected.nonTrainable, total: expected.trainable + expected.nonTrainable });
      expect(countMacs(model)).toBe(expected.macs);
      expect(model.output.shape).toEqual([null, arch.classes]);
      expect(model.input.shape).toEqual([null, arch.size, arch.size, 3]);
    } finally {
      model.dispose();
    }
  });
});
