import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs-core';
import { DataError } from '../data/data-error.js';
import { buildModel } from '../../model/models/registry.js';
import type { ResNetModel } from '../../model/models/resnet-model.js';
import { decodeCheckpoint, type CheckpointHeader } from './checkpoint-format.js';
import { restoreWeights } from './snapshot.js';

/** Which checkpoint of a run folder: the latest epoch or the best test accuracy. */
export type CheckpointChoice = 'last' | 'best';

/**
 * Finds a checkpoint file: a `.ckpt` path as given, or in a run folder `best.ckpt` (when `which` is
 * `best` and it exists) else `last.ckpt`.
 *
 * @param path - a run folder written by `residual train`, or a checkpoint file.
 * @param which - `best` (default) or `last`.
 * @returns the file path.
 * @throws DataError when nothing usable is there.
 * @example
 * await resolveCheckpoint('runs/resnet20'); // 'runs/resnet20/best.ckpt'
 */
export async function resolveCheckpoint(path: string, which: CheckpointChoice = 'best'): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile() === true) return path;
  if (info?.isDirectory() === true) {
    const isFile = async (name: string) => (await stat(join(path, name)).catch(() => undefined))?.isFile() === true;
    for (const name of which === 'best' ? ['best.ckpt', 'last.ckpt'] : ['last.ckpt']) {
      if (await isFile(name)) return join(path, name);
    }
    if (await isFile('best.ckpt')) {
      throw new DataError(
        `checkpoint: ${path} must hold last.ckpt for --which last, but it holds best.ckpt only: a run was stopped while saving its first epoch. ` +
          `Use --which best, or complete the save with residual train --out ${path} --resume.`,
      );
    }
  }
  throw new DataError(
    `checkpoint: ${path} must be a run folder holding last.ckpt (or best.ckpt) or a .ckpt file, but ` +
      `${info === undefined ? 'it does not exist' : 'it holds no checkpoint'}. Train first: residual train --out ${path} …`,
  );
}

/** A checkpoint read back: its header, the rebuilt model with its weights, and the optimiser state. */
export interface LoadedCheckpoint {
  readonly file: string;
  readonly header: CheckpointHeader;
  readonly model: ResNetModel;
  /** Optimiser state tensors in order (the caller disposes them after loading them into an optimiser). */
  readonly optimizerState: tf.Tensor[];
}

/**
 * Reads a checkpoint file, rebuilds its model (`buildModel(header.model.name, header.model)`) and
 * writes every stored weight into it.
 *
 * @param file - a `.ckpt` path (see {@link resolveCheckpoint}).
 * @returns the header, model and optimiser state.
 * @throws Error naming the file when it is damaged or written for another architecture.
 * @example
 * const { model, header } = await loadCheckpoint(await resolveCheckpoint('runs/a'));
 */
export async function loadCheckpoint(file: string): Promise<LoadedCheckpoint> {
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new DataError(`checkpoint: ${file} must be readable, but got ${error.code ?? error.message}. Check the path and its permissions.`);
  });
  const { header, values } = decodeCheckpoint(new Uint8Array(bytes), file);
  const model = buildModel(header.model.name, header.model);
  const optimizerState = restoreWeights(model.layersModel, header.tensors, values, file);
  return { file, header, model, optimizerState };
}
