import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, test } from 'vitest';
import { layerName, layerSeed, withNamePrefix, withSeed } from './scope.js';

describe('build scopes', () => {
  test('names restart in each scope and take the prefixes', () => {
    const first = withSeed(1, () => [layerName('conv2d'), layerName('conv2d'), withNamePrefix('layer1.0', () => layerName('conv2d', 'conv1'))]);
    const second = withSeed(1, () => [layerName('conv2d')]);
    expect(first).toEqual(['conv2d_1', 'conv2d_2', 'layer1.0.conv1']);
    expect(second).toEqual(['conv2d_1']);
  });

  test('a name used twice in one model is an error', () => {
    expect(() => withSeed(1, () => [layerName('dense', 'fc'), layerName('dense', 'fc')])).toThrow(
      'dense: name must be unique in a model, but got "fc" twice. Pass another name.',
    );
  });

  test('seeds depend on the scope seed and the layer name, not on build order', () => {
    const [a, b] = withSeed(7, () => [layerSeed('conv1'), layerSeed('fc')]);
    const [b2, a2] = withSeed(7, () => [layerSeed('fc'), layerSeed('conv1')]);
    const [other] = withSeed(8, () => [layerSeed('conv1')]);
    expect([a2, b2]).toEqual([a, b]);
    expect(other).not.toBe(a);
    expect(layerSeed('conv1', 'bias')).not.toBe(layerSeed('conv1'));
  });

  test('rejects a seed that is not an integer', () => {
    expect(() => withSeed(0.5, () => 0)).toThrow('withSeed: seed must be an integer, but got 0.5. Pass a whole number.');
  });
});
