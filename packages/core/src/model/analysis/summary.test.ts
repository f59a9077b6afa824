import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, test } from 'vitest';
import * as tfl from '@tensorflow/tfjs-layers';
import { buildModel } from '../models/registry.js';
import { countMacs } from './count-macs.js';
import { countParams } from './count-params.js';
import { layersModelOf, sizeOf } from './model-source.js';
import { summarize } from './summarize.js';
import { summary } from './summary.js';

/** CIFAR ResNet-20 (n = 3, projection shortcuts) counted from the paper's §4.2: conv k×k is k²·C·C′ weights and H′·W′·k²·C·C′ MACs, BN 2C + 2C, fc 64·10 + 10. */
function resnet20Counts(): { trainable: number; nonTrainable: number; macs: number } {
  const total = { trainable: 0, nonTrainable: 0, macs: 0 };
  const conv = (kernel: number, inChannels: number, outChannels: number, size: number) => {
    total.trainable += kernel * kernel * inChannels * outChannels;
    total.macs += size * size * kernel * kernel * inChannels * outChannels;
  };
  const norm = (channels: number) => {
    total.trainable += 2 * channels;
    total.nonTrainable += 2 * channels;
  };
  conv(3, 3, 16, 32);
  norm(16);
  let [channels, size] = [16, 32];
  for (const [width, stride] of [[16, 1], [32, 2], [64, 2]] as const) {
    for (let block = 0; block < 3; block++) {
      const strides = block === 0 ? stride : 1;
      size /= strides;
      conv(3, channels, width, size);
      norm(width);
      conv(3, width, width, size);
      norm(width);
      if (strides !== 1 || channels !== width) {
        conv(1, channels, width, size); // the projection
        norm(width);
      }
      channels = width;
    }
  }
  total.trainable += 64 * 10 + 10;
  total.macs += 64 * 10;
  return total;
}

describe('summary', () => {
  const model = buildModel('resnet20', { seed: 1 });

  test('rows add up to the totals', () => {
    const { rows, params, macs } = summarize(model);
    expect(rows.reduce((sum, row) => sum + row.params, 0)).toBe(params.total);
    expect(rows.reduce((sum, row) => sum + row.trainableParams, 0)).toBe(params.trainable);
    expect(rows.reduce((sum, row) => sum + row.macs, 0)).toBe(macs);
    const expected = resnet20Counts();
    expect(params).toEqual({ trainable: expected.trainable, nonTrainable: expected.nonTrainable, total: expected.trainable + expected.nonTrainable });
    expect(macs).toBe(expected.macs);
    expect(rows.find((row) => row.name === 'layer2.0.downsample.0')).toMatchObject({ type: 'Conv2D', outputShape: '[N,16,16,32]', params: 16 * 32 });
  });

  test('prints a table with totals and says that BN statistics are not trainable', () => {
    const text = summary(model);
    const { params } = summarize(model);
    expect(text).toContain('Layer (type)');
    expect(text).toMatch(/conv1 \(Conv2D\)\s+\[N,32,32,16\]\s+432\s+442,368/);
    expect(text).toContain(`Trainable params: ${params.trainable.toLocaleString('en-US')}`);
    expect(text).toContain('Non-trainable params: 1,568 (BatchNorm running mean and variance');
    expect(text).not.toContain('v1.5'); // no bottlenecks here
  });

  test('counting MACs needs known output sizes: a model of unknown image size is refused, not counted 0', () => {
    const images = tfl.input({ shape: [null, null, 3] as unknown as number[] });
    const features = tfl.layers.conv2d({ filters: 4, kernelSize: 3, name: 'conv' }).apply(images) as tfl.SymbolicTensor;
    const open = tfl.model({ inputs: images, outputs: features });
    expect(() => countMacs(open)).toThrow("countMacs: layer conv's output must have a known size, but got [N,?,?,4]. Build the model with a fixed inputShape.");
    expect(countParams(open).trainable).toBe(3 * 3 * 3 * 4 + 4); // the weights are known
    open.dispose();
  });

  test('sizes of weights and outputs must be known: the message names what and who asked', () => {
    expect(sizeOf([3, 3, 16, 32], 'countParams', 'weight conv1/kernel')).toBe(4608);
    expect(sizeOf([], 'countParams', 'weight bias')).toBe(1);
    expect(() => sizeOf([3, null], 'countParams', 'weight w')).toThrow('countParams: weight w must have known dimensions, but got [3,?]. Build the model with a fixed inputShape.');
    expect(layersModelOf(model)).toBe(model.layersModel);
    expect(layersModelOf(model.layersModel)).toBe(model.layersModel);
  });
});
