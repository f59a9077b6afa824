import type { ChannelStats } from '../data/channel-stats.js';
import { DataError } from '../data/data-error.js';
import type { ResNetConfig } from '../../model/models/resnet-model.js';

/**
 * What inference needs besides the weights: class names, the input shape, the normalisation and
 * how to bring an image to that shape (`exact`: it must have it, or `--resize` scales it;
 * `imagenet`: torchvision's resize to 256 and centre crop to 224).
 */
export interface InferenceData {
  readonly classNames: readonly string[];
  readonly imageShape: readonly [number, number, number];
  readonly stats: ChannelStats;
  readonly preprocess: 'exact' | 'imagenet';
}

/** What Residual stores in a safetensors file's `__metadata__` (strings, as the format requires). */
export interface ResidualMetadata {
  readonly config?: ResNetConfig;
  readonly data?: InferenceData;
}

const configKey = 'residual.model';
const dataKey = 'residual.data';

/**
 * The `__metadata__` strings of an exported file: `format: pt` (what `safetensors.torch` writes),
 * the model's config and its inference data as JSON, so that `residual eval` and `predict` (and a
 * PyTorch script) find the architecture, class names and normalisation in the file itself.
 *
 * @param config - the model's {@link ResNetConfig}.
 * @param data - its class names, input shape, normalisation and preprocessing.
 * @returns the metadata.
 * @example
 * encodeSafetensors(tensors, residualMetadata(model.config, data));
 */
export function residualMetadata(config: ResNetConfig, data: InferenceData): Record<string, string> {
  return { format: 'pt', [configKey]: JSON.stringify(config), [dataKey]: JSON.stringify(data) };
}

const isNumbers = (value: unknown, length?: number): value is number[] =>
  Array.isArray(value) && (length === undefined || value.length === length) && value.every((item) => typeof item === 'number' && Number.isFinite(item));

/**
 * Reads Residual's entries from a file's `__metadata__`, checking their shape; a file written
 * elsewhere (PyTorch, timm) has none, and both fields are then absent.
 *
 * @param metadata - the file's `__metadata__`.
 * @param file - its name, for messages.
 * @returns the config and data found.
 * @throws DataError when an entry is there but malformed.
 * @example
 * const { config, data } = readResidualMetadata(decodeSafetensors(bytes, file).metadata, file);
 */
export function readResidualMetadata(metadata: Readonly<Record<string, string>>, file: string): ResidualMetadata {
  const fail = (key: string, rule: string) =>
    new DataError(`safetensors: ${file} must have ${key} metadata that ${rule}, but it does not. Export it again, or remove the entry to use the defaults.`);
  const parse = (key: string): unknown => {
    const text = metadata[key];
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw fail(key, 'is JSON');
    }
  };
  const result: { config?: ResNetConfig; data?: InferenceData } = {};
  const config = parse(configKey) as Partial<ResNetConfig> | undefined;
  if (config !== undefined) {
    if (typeof config?.name !== 'string' || !Number.isInteger(config.numClasses) || !isNumbers(config.inputShape, 3)) {
      throw fail(configKey, 'gives name, numClasses and inputShape [H, W, C]');
    }
    result.config = config as ResNetConfig;
  }
  const data = parse(dataKey) as Partial<InferenceData> | undefined;
  if (data !== undefined) {
    const ok =
      Array.isArray(data?.classNames) &&
      data.classNames.every((name) => typeof name === 'string') &&
      isNumbers(data.imageShape, 3) &&
      isNumbers(data.stats?.mean) &&
      isNumbers(data.stats?.std) &&
      (data.preprocess === 'exact' || data.preprocess === 'imagenet');
    if (!ok) throw fail(dataKey, 'gives classNames, imageShape, stats {mean, std} and preprocess (exact or imagenet)');
    result.data = data as InferenceData;
  }
  return result;
}
