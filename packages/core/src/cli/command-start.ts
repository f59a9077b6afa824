import { loadCheckpoint, resolveCheckpoint, type LoadedCheckpoint } from '../training/checkpoint/load-checkpoint.js';
import { isSafetensorsFile, loadSafetensorsModel, type ImportedModel } from '../training/interop/load-safetensors-model.js';
import type { ResNetModel } from '../model/models/resnet-model.js';
import { DataError } from '../training/data/data-error.js';
import type { ImageDataset } from '../training/data/image-dataset.js';
import { limitDataset } from '../training/data/limit-dataset.js';
import { describeDataset, loadDataset } from '../training/data/load-dataset.js';
import type { BackendChoice } from '../engine/backend/backend-choice.js';
import type { CliIo } from './cli-io.js';
import { choiceOption } from './parse-options.js';
import { UsageError } from './usage-error.js';
import { useBackend } from './use-backend.js';

// How train, eval and predict start: the same options, checks and lines, in one place.

const dataRule = 'a CIFAR-10 folder, an image folder, cifar10-sample or mnist';

/**
 * Reads `--data`, which train and eval need: checked before anything slow starts.
 *
 * @param command - for messages.
 * @param raw - the text given, or `undefined`.
 * @returns the data source.
 * @throws UsageError without `--data`.
 * @example
 * const source = dataOption('train', values.data);
 */
export function dataOption(command: string, raw: string | undefined): string {
  if (raw === undefined) throw new UsageError(`residual ${command}: --data must name ${dataRule}, but got none. Example: --data cifar10-sample.`);
  return raw;
}

/** What `--data`, `--limit` and `--resize` asked for. */
export interface DataOptions {
  /** From {@link dataOption}. */
  readonly data: string;
  /** `--limit`, already read. */
  readonly limit?: number | undefined;
  /** `[height, width]`: image folders are scaled to it (eval: the checkpoint's input). */
  readonly resize?: readonly [number, number] | undefined;
  /** The user gave `--resize` (a note says when the data are not an image folder, which it applies to). */
  readonly resizeAsked?: boolean;
}

/**
 * Loads `--data` (reporting skipped files on stderr), applies `--limit`, checks that the splits the
 * command uses hold images, and prints the `data:` line.
 *
 * @param command - `train` or `eval`, for messages.
 * @param options - the options given.
 * @param io - where to print.
 * @param settings - the splits that must hold images, and `quiet` for `--json`.
 * @returns the dataset.
 * @throws DataError for a split of 0 images.
 * @example
 * const data = await loadCommandData('train', { data: 'cifar10-sample', limit: 64 }, io, { needs: ['train', 'test'] });
 */
export async function loadCommandData(
  command: string,
  options: DataOptions,
  io: CliIo,
  settings: { readonly needs: readonly ('train' | 'test')[]; readonly quiet?: boolean },
): Promise<ImageDataset> {
  const { limit } = options;
  const loaded = await loadDataset(options.data, options.resize === undefined ? { onWarning: io.err } : { resize: options.resize, onWarning: io.err });
  const data = limit === undefined ? loaded : limitDataset(loaded, limit);
  for (const split of settings.needs) {
    if (data[split].count > 0) continue;
    const why = command === 'train' && split === 'test' ? ' (each epoch is evaluated on it and best.ckpt is chosen by its accuracy)' : '';
    const fix =
      data.kind === 'image-folder'
        ? 'Add a test/ folder beside train/, or at least 10 images per class (every 10th is held out).'
        : `Use data with ${split} images.`;
    throw new DataError(`${command}: the ${split} split must hold at least one image${why}, but ${describeDataset(data)}. ${fix}`);
  }
  if (options.resizeAsked === true && data.kind !== 'image-folder') {
    io.err(`note: --resize applies to image folders; ${options.data} is used at its own size, ${data.imageShape.join('×')}`);
  }
  if (settings.quiet !== true) io.err(`data: ${describeDataset(data)}`);
  return data;
}

/** What `--checkpoint`, `--model`, `--which` and `--backend` asked for. */
export interface CheckpointOptions {
  readonly checkpoint?: string | undefined;
  /** the architecture of a `.safetensors` file that does not name it */
  readonly model?: string | undefined;
  readonly which?: string | undefined;
  readonly backend?: string | undefined;
}

/** A model that eval and predict run, from a checkpoint or from imported (safetensors) weights. */
export interface CommandModel {
  readonly file: string;
  readonly header: LoadedCheckpoint['header'] | ImportedModel['header'];
  readonly model: ResNetModel;
  /** the checkpoint's epoch, or `null` for imported weights (a safetensors file does not say) */
  readonly epoch: number | null;
  readonly backend: BackendChoice;
}

/**
 * Finds the checkpoint (`--which` of a run folder, or a file), selects the backend, loads it — a
 * `.safetensors` file in torchvision's names too, built as `--model` or the architecture it names —
 * and prints which file was loaded, saying so when a run folder had no best.ckpt and last.ckpt was used.
 *
 * @param command - `eval` or `predict`, for messages.
 * @param options - the options given.
 * @param io - where to print.
 * @param quiet - print nothing (`--json`).
 * @returns the loaded model, its header, its epoch and the backend chosen (optimiser state disposed).
 * @throws UsageError without `--checkpoint`; DataError when nothing loadable is there.
 * @example
 * const { header, model } = await loadCommandCheckpoint('eval', values, io, false);
 */
export async function loadCommandCheckpoint(
  command: string,
  options: CheckpointOptions,
  io: CliIo,
  quiet: boolean,
): Promise<CommandModel> {
  if (options.checkpoint === undefined) {
    throw new UsageError(`residual ${command}: --checkpoint must name a run folder, a .ckpt file or a .safetensors file, but got none.`);
  }
  const which = choiceOption(command, 'which', options.which, ['best', 'last']);
  if (isSafetensorsFile(options.checkpoint)) {
    const backend = await useBackend(command, options.backend, io, quiet);
    const { file, header, model } = await loadSafetensorsModel(options.checkpoint, { model: options.model });
    if (!quiet) io.err(`checkpoint: ${file} (${header.model.name}, imported weights)`);
    return { file, header, model, epoch: null, backend };
  }
  const file = await resolveCheckpoint(options.checkpoint, which);
  const backend = await useBackend(command, options.backend, io, quiet);
  const loaded = await loadCheckpoint(file);
  loaded.optimizerState.forEach((tensor) => tensor.dispose());
  const { header } = loaded;
  const fallback = which === 'best' && file !== options.checkpoint && !file.endsWith('best.ckpt') ? `; ${options.checkpoint} has no best.ckpt, so last.ckpt is used` : '';
  if (!quiet) io.err(`checkpoint: ${file} (${header.model.name}, epoch ${header.state.epoch} of ${header.fit.epochs}${fallback})`);
  return { file, header, model: loaded.model, epoch: header.state.epoch, backend };
}
