import { describe, expect, test } from 'vitest';
import { readResidualMetadata, residualMetadata, type InferenceData } from './residual-metadata.js';

const data: InferenceData = { classNames: ['cat', 'dog'], imageShape: [32, 32, 3], stats: { mean: [0.5, 0.5, 0.5], std: [0.25, 0.25, 0.25] }, preprocess: 'exact' };
const config = { name: 'resnet20', numClasses: 2, inputShape: [32, 32, 3] as [number, number, number], seed: 1 };

describe('Residual metadata in a safetensors file', () => {
  test('round-trips through strings, with format pt as safetensors.torch writes', () => {
    const metadata = residualMetadata(config, data);
    expect(metadata['format']).toBe('pt');
    expect(Object.values(metadata).every((value) => typeof value === 'string')).toBe(true);
    expect(readResidualMetadata(metadata, 'm.safetensors')).toEqual({ config, data });
  });

  test('a file from PyTorch has none; a malformed entry is refused with the rule', () => {
    expect(readResidualMetadata({ format: 'pt' }, 'm.safetensors')).toEqual({});
    expect(() => readResidualMetadata({ 'residual.model': '{"name":"resnet20"}' }, 'm.safetensors')).toThrow(
      'safetensors: m.safetensors must have residual.model metadata that gives name, numClasses and inputShape [H, W, C], but it does not. Export it again, or remove the entry to use the defaults.',
    );
    expect(() => readResidualMetadata({ 'residual.data': '{' }, 'm.safetensors')).toThrow('must have residual.data metadata that is JSON');
    expect(() => readResidualMetadata({ 'residual.data': JSON.stringify({ ...data, preprocess: 'crop' }) }, 'm.safetensors')).toThrow(
      'must have residual.data metadata that gives classNames, imageShape, stats {mean, std} and preprocess (exact or imagenet)',
    );
  });
});
