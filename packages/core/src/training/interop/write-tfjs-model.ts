import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type * as tfl from '@tensorflow/tfjs-layers';
import { writeFileAtomic } from '../checkpoint/write-checkpoint.js';
import { tfjsModelFiles } from './tfjs-model-files.js';

/**
 * Writes a model in TF.js's layers format into a folder: `model.json` and its weight shards (see
 * {@link tfjsModelFiles}), each file atomically. Serve the folder and load it in any TF.js app
 * with `tf.loadLayersModel('https://…/model.json')`.
 *
 * @param model - the TF.js model.
 * @param dir - the folder (created when missing).
 * @param options - `metadata` stored as the model's `userDefinedMetadata`.
 * @returns the paths written, `model.json` first.
 * @example
 * await writeTfjsModel(model.layersModel, 'web-model', { metadata: { residual: model.config } });
 */
export async function writeTfjsModel(model: tfl.LayersModel, dir: string, options: { metadata?: Record<string, unknown> } = {}): Promise<string[]> {
  const files = await tfjsModelFiles(model, options);
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  // Shards first, model.json last: a reader never finds a model.json whose shards are not there yet.
  for (const [name, contents] of [...files].reverse()) {
    await writeFileAtomic(join(dir, name), contents);
    written.unshift(join(dir, name));
  }
  return written;
}
