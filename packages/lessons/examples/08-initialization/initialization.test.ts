import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { basicBlock, input, resnet20, resnet50, withSeed } from '@residual/core/model';
import { layerWeight } from '../shared/layer-weight.js';
import { useCpuBackend } from '../shared/use-cpu-backend.js';
import { runLiveExample } from '../../src/live-runner.js';
import { initScale } from './init-scale-live.js';
import { libraryKernelStd } from './library-init.js';
import { numbers } from './numbers.js';
import { streamScale } from './stream-scale.js';
import { activationScales, initStd } from './variance-through-depth.js';
import { zeroInitResidual } from './zero-init-residual.js';

beforeAll(useCpuBackend);

describe('lesson 8: initialization', () => {
  it('the rules: He doubles what Glorot gives at equal fans, and both follow their formulas', () => {
    expect(initStd('he', 576, 576)).toBeCloseTo(Math.sqrt(2 / 576), 12);
    expect(initStd('glorot', 576, 576) ** 2 * 2).toBeCloseTo(initStd('he', 576, 576) ** 2, 12);
    expect(initStd('fixed', 1, 1)).toBe(0.01);
  });

  it('through 20 ReLU layers He keeps the scale, Glorot halves the variance per layer, 0.01 vanishes', async () => {
    const config = { layers: 20, width: 128, batch: 32, seed: 1 };
    const he = await activationScales(config, 'he');
    const glorot = await activationScales(config, 'glorot');
    const fixed = await activationScales(config, 'fixed');
    expect(he.at(-1)).toBeGreaterThan(0.3);
    expect(he.at(-1)).toBeLessThan(3);
    const predicted = 2 ** (-config.layers / 2);
    expect((glorot.at(-1) ?? 0) / predicted).toBeGreaterThan(1 / 3);
    expect((glorot.at(-1) ?? 0) / predicted).toBeLessThan(3);
    expect(fixed.at(-1)).toBeLessThan(1e-15);
  });

  it('the library draws He normal with fan_out, as torchvision’s kaiming_normal_(mode="fan_out")', () => {
    const { measured, fanOut, fanIn } = libraryKernelStd(64, 128);
    expect(Math.abs(measured / fanOut - 1)).toBeLessThan(0.02); // 73,728 draws
    expect(Math.abs(measured / fanIn - 1)).toBeGreaterThan(0.2);
  });

  it('zeroInitResidual sets the last γ of every branch: bn2 in basic blocks, bn3 in bottlenecks', () => {
    const small = resnet20({ seed: 0 });
    const large = resnet50({ inputShape: [32, 32, 3], seed: 0 });
    try {
      const basic = zeroInitResidual(small.layersModel);
      expect(basic).toHaveLength(9);
      expect(basic.every((name) => name.endsWith('.bn2'))).toBe(true);
      for (const name of basic) expect(tf.tidy(() => tf.max(tf.abs(layerWeight(small.layersModel.getLayer(name), 'gamma').read())).dataSync()[0])).toBe(0);
      const bottleneck = zeroInitResidual(large.layersModel);
      expect(bottleneck).toHaveLength(16);
      expect(bottleneck.every((name) => name.endsWith('.bn3'))).toBe(true);
    } finally {
      small.dispose();
      large.dispose();
    }
  });

  it('after zeroInitResidual an identity block returns its non-negative input exactly', () => {
    const model = withSeed(2, () => {
      const x = input([4, 4, 8]);
      return tfl.model({ inputs: x.tensor, outputs: basicBlock(x, { filters: 8, name: 'block' }).tensor });
    });
    try {
      expect(zeroInitResidual(model)).toEqual(['block.bn2']);
      const difference = tf.tidy(() => {
        const x = tf.relu(tf.randomNormal([2, 4, 4, 8], 0, 1, 'float32', 3));
        return tf.max(tf.abs(tf.sub(model.apply(x, { training: true }) as tf.Tensor, x))).dataSync()[0];
      });
      expect(difference).toBe(0);
    } finally {
      model.dispose();
    }
  });

  it('residual sums grow with depth at γ = 1, stay put at γ = 0; the plain twin is held by its batch norms', async () => {
    const config = { blocks: 8, size: 4, channels: 4, batch: 4, seed: 1 };
    const residual = await streamScale(config, 'residual');
    const zero = await streamScale(config, 'zero-gamma');
    const plain = await streamScale(config, 'plain');
    for (let index = 1; index < residual.rms.length; index += 1) expect(residual.rms[index]).toBeGreaterThan(residual.rms[index - 1] ?? 0);
    expect(residual.change.at(-1)).toBeLessThan(residual.change[0] ?? 0);
    expect(zero.rms.every((value) => Math.abs(value - 1) < 1e-6)).toBe(true);
    expect(zero.change.every((value) => value === 0)).toBe(true);
    expect(plain.rms.every((value) => value > 0.5 && value < 2)).toBe(true);
  });

  it('live (default settings) and the lesson numbers; nothing leaks', async () => {
    const { result: run, settings, tensors } = await runLiveExample(initScale, { size: 'full' });
    expect(tensors.after).toBe(tensors.before);
    expect(settings).toEqual({ denseLayers: 20, denseWidth: 128, blocks: 16, channels: 8 });
    expect(run.summary['denseLayers']).toBe(20);
    expect(run.summary['blocks']).toBe(16);
    expect(run.summary['zeroGammaLast']).toBe(1);
    const values = await numbers(run);
    expect(values['init.dense.layers']).toBe(20);
    expect(values['init.dense.width']).toBe(128);
    expect(values['init.library.fanOut']).toBe(0.0417);
    expect(values['init.zeroInit.resnet20']).toBe(9);
    expect(values['init.fixup.scale110']).toBe(0.136);
  });

  it('the reader’s settings reach both experiments: one value per layer and per block', async () => {
    const { result, settings } = await runLiveExample(initScale, { size: 'full', settings: { denseLayers: '5', denseWidth: '32', blocks: '3', channels: '4' } });
    expect(settings).toEqual({ denseLayers: 5, denseWidth: 32, blocks: 3, channels: 4 });
    expect([result.summary['denseLayers'], result.summary['blocks']]).toEqual([5, 3]);
    expect(result.charts?.[0]?.series.find((series) => series.name === 'he')?.points).toHaveLength(5);
    expect(result.charts?.[1]?.series.map((series) => series.points.length)).toEqual([3, 3, 3]);
  });
});
