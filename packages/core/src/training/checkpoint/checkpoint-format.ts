import type { ChannelStats } from '../data/channel-stats.js';
import type { DatasetKind } from '../data/image-dataset.js';
import type { ResNetConfig } from '../../model/models/resnet-model.js';
import type { EpochMetrics, FitOptions, TrainingState } from '../train/fit.js';
import type { OptimizerConfig } from '../train/optimizer.js';
import { DataError } from '../data/data-error.js';
import { checkHeader } from './check-header.js';

/** One stored tensor: name (for messages), shape, and whether it is a model weight or optimiser state. */
export interface StoredTensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly group: 'weights' | 'optimizer';
}

/** What a checkpoint says about the data it was trained on (enough to predict on new images). */
export interface CheckpointData {
  readonly kind: DatasetKind;
  readonly source: string;
  readonly classNames: readonly string[];
  readonly imageShape: readonly [number, number, number];
  /** The normalisation used in training; prediction must use the same. */
  readonly stats: ChannelStats;
}

/** The JSON header of a checkpoint file. */
export interface CheckpointHeader {
  readonly format: 'residual-checkpoint';
  readonly version: 1;
  /** Rebuilds the model: `buildModel(model.name, model)`. */
  readonly model: ResNetConfig;
  readonly data: CheckpointData;
  readonly fit: FitOptions;
  readonly optimizer: OptimizerConfig & { readonly step: number };
  readonly seed: number;
  readonly state: TrainingState;
  /** Metrics of every completed epoch, oldest first. */
  readonly history: readonly EpochMetrics[];
  readonly backend: string;
  readonly savedAt: string;
  /** Every tensor in the body, in order: all model weights (trainable and BN running statistics), then optimiser state. */
  readonly tensors: readonly StoredTensor[];
}

const magic = 'RESIDUAL';

/**
 * Serialises a checkpoint: the 8 bytes `RESIDUAL`, the header's byte length (uint32, little-endian),
 * the header as UTF-8 JSON padded to 4 bytes, then every tensor as little-endian float32, in the
 * header's order.
 *
 * @param header - the JSON header; `tensors` must describe `values`.
 * @param values - one array per stored tensor; every value finite (a diverged model is never saved).
 * @returns the file's bytes.
 * @throws Error when `values` do not match `header.tensors` or hold a NaN or infinite value.
 * @example
 * const bytes = encodeCheckpoint(header, values);
 */
export function encodeCheckpoint(header: CheckpointHeader, values: readonly Float32Array[]): Uint8Array {
  if (values.length !== header.tensors.length) {
    throw new Error(
      `encodeCheckpoint: values must match header.tensors (${header.tensors.length}), but got ${values.length}. This is a bug in the caller.`,
    );
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerBytes = Math.ceil(json.length / 4) * 4;
  const bodyBytes = values.reduce((sum, array) => sum + array.length * 4, 0);
  const bytes = new Uint8Array(12 + headerBytes + bodyBytes);
  bytes.set(new TextEncoder().encode(magic), 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(8, headerBytes, true);
  bytes.fill(0x20, 12, 12 + headerBytes); // pad the JSON with spaces
  bytes.set(json, 12);
  let offset = 12 + headerBytes;
  values.forEach((array, index) => {
    for (let i = 0; i < array.length; i++, offset += 4) {
      const value = array[i] as number; // i < array.length
      if (!Number.isFinite(value)) {
        throw new Error(
          `encodeCheckpoint: every value must be finite, but ${header.tensors[index]?.name} holds ${value} at index ${i}. ` +
            'Check the weights for divergence before saving.',
        );
      }
      view.setFloat32(offset, value, true);
    }
  });
  return bytes;
}

function notACheckpoint(file: string, what: string): DataError {
  return new DataError(`checkpoint: ${file} must be a Residual checkpoint, but ${what}. Use the last.ckpt or best.ckpt that residual train wrote.`);
}

/**
 * The byte length of a checkpoint's start: the magic and the header's length (`12`), then the
 * header itself — what {@link decodeCheckpointHeader} needs.
 *
 * @param start - at least the file's first 12 bytes.
 * @param file - its path, for error messages.
 * @returns where the tensors begin.
 * @throws DataError when the bytes do not start with `RESIDUAL`.
 * @example
 * const bodyOffset = checkpointHeaderEnd(first12Bytes, 'runs/a/last.ckpt');
 */
export function checkpointHeaderEnd(start: Uint8Array, file: string): number {
  if (start.length < 12 || new TextDecoder().decode(start.subarray(0, 8)) !== magic) throw notACheckpoint(file, 'it does not start with RESIDUAL');
  return 12 + new DataView(start.buffer, start.byteOffset, start.byteLength).getUint32(8, true);
}

/**
 * Parses and checks a checkpoint's JSON header (see {@link checkHeader}) from the file's first bytes.
 *
 * @param bytes - the file's bytes, or at least its first {@link checkpointHeaderEnd} bytes.
 * @param file - its path, for error messages.
 * @returns the header and where the tensors begin.
 * @throws DataError when it is not a checkpoint, its header is truncated, not JSON, or lacks a field.
 * @example
 * const { header } = decodeCheckpointHeader(bytes, 'runs/a/last.ckpt');
 */
export function decodeCheckpointHeader(bytes: Uint8Array, file: string): { header: CheckpointHeader; bodyOffset: number } {
  const bodyOffset = checkpointHeaderEnd(bytes, file);
  if (bodyOffset > bytes.length) throw notACheckpoint(file, `its header is truncated (${bytes.length} bytes)`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes.subarray(12, bodyOffset)));
  } catch {
    throw notACheckpoint(file, 'its header is not valid JSON');
  }
  return { header: checkHeader(parsed, file), bodyOffset };
}

/**
 * Parses a checkpoint written by {@link encodeCheckpoint}, checking every length.
 *
 * @param bytes - the file's bytes.
 * @param file - its path, for error messages.
 * @returns the header and one float32 array per stored tensor.
 * @throws DataError naming the file when it is not a checkpoint, is truncated, is of an unknown version,
 *   has a header that lacks a field or contradicts itself (see {@link checkHeader}), or holds a NaN or
 *   infinite value.
 * @example
 * const { header, values } = decodeCheckpoint(await readFile('runs/a/last.ckpt'), 'runs/a/last.ckpt');
 */
export function decodeCheckpoint(bytes: Uint8Array, file: string): { header: CheckpointHeader; values: Float32Array[] } {
  const { header, bodyOffset } = decodeCheckpointHeader(bytes, file);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values: Float32Array[] = [];
  let offset = bodyOffset;
  let nonFinite = 0;
  let firstNonFinite: string | undefined;
  let total = 0;
  for (const tensor of header.tensors) {
    const size = tensor.shape.reduce((product, dim) => product * dim, 1);
    if (offset + size * 4 > bytes.length) throw notACheckpoint(file, `it is truncated inside tensor ${tensor.name} at byte offset ${offset}`);
    const array = new Float32Array(size);
    for (let i = 0; i < size; i++, offset += 4) {
      const value = view.getFloat32(offset, true);
      if (!Number.isFinite(value)) {
        nonFinite += 1;
        firstNonFinite ??= tensor.name;
      }
      array[i] = value;
    }
    total += size;
    values.push(array);
  }
  if (offset !== bytes.length) throw notACheckpoint(file, `it has ${bytes.length - offset} unexpected bytes after the last tensor`);
  if (nonFinite > 0) {
    throw new DataError(
      `checkpoint: ${file} must hold finite numbers, but ${nonFinite.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} values are NaN or infinite ` +
        `(the first in ${firstNonFinite}). A diverged run wrote it; use an earlier checkpoint, or train again with a lower --lr.`,
    );
  }
  return { header, values };
}
