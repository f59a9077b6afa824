import { basename } from 'node:path';
import { loadCheckpoint, resolveCheckpoint } from '../training/checkpoint/load-checkpoint.js';
import { defaultInferenceData } from '../training/interop/default-inference-data.js';
import { exportSafetensors } from '../training/interop/export-safetensors.js';
import { isSafetensorsFile, loadSafetensorsModel } from '../training/interop/load-safetensors-model.js';
import type { InferenceData } from '../training/interop/residual-metadata.js';
import { torchvisionModels } from '../training/interop/torch-module-file.js';
import { writeTfjsModel } from '../training/interop/write-tfjs-model.js';
import { buildModel, isModelName, modelNames } from '../model/models/registry.js';
import type { ResNetModel } from '../model/models/resnet-model.js';
import type { CliIo } from './cli-io.js';
import { choiceOption, numberOption, parseOptions } from './parse-options.js';
import { UsageError } from './usage-error.js';
import { useBackend } from './use-backend.js';

export const exportUsage = `Usage: residual export (--checkpoint <run dir|file> | --model <name>) --out <path> [options]

Writes a model for PyTorch or for any TF.js app.
  safetensors (default): torchvision's names and layouts (conv OIHW, linear [out, in], batch norm
    weight/bias/running_mean/running_var/num_batches_tracked), so that
    torchvision.models.resnet18().load_state_dict(tensors, strict=True) takes a resnet18. A model
    torchvision lacks (CIFAR ResNets, their option-A and pre-activation twins, plain twins) also
    gets <out>.py beside it: a self-contained PyTorch module defining the same network.
    num_batches_tracked holds the checkpoint's optimiser steps (0 for a fresh model): TF.js does
    not count them.
  tfjs: model.json and weight shards in a folder, for tf.loadLayersModel('<url>/model.json') in
    any TF.js app: stock layers only, with the same outputs.

Options:
  --checkpoint <path>  run folder written by residual train, a .ckpt file, or a .safetensors file
                       (with --model when the file does not name its architecture)
  --which <best|last>  which checkpoint of a run folder (default best)
  --model <name>       a freshly initialised model (${modelNames.slice(0, 3).join(', ')}, …, resnet20, …)
  --seed <n>           its initialiser seed (default 0)
  --classes <n>        its number of classes (default 1000 for ImageNet models, 10 for CIFAR ones)
  --format <name>      safetensors (default; --out ends in .safetensors) or tfjs (--out is a folder)
  --out <path>         where to write
  --backend <name>     auto, tensorflow-gpu, webgpu, wasm or cpu (default auto)
  --json               print the files written as one JSON object
  -h, --help           show this help`;

/** The model to export, what inference needs, and its batch-norm batch count. */
interface Source {
  readonly model: ResNetModel;
  readonly data: InferenceData;
  readonly numBatchesTracked: number;
  readonly from: string;
}

async function readSource(values: { checkpoint?: string | undefined; which?: string | undefined; model?: string | undefined; seed?: string | undefined; classes?: string | undefined }): Promise<Source> {
  if (values.checkpoint !== undefined && isSafetensorsFile(values.checkpoint)) {
    const imported = await loadSafetensorsModel(values.checkpoint, { model: values.model });
    return { model: imported.model, data: imported.header.data, numBatchesTracked: 0, from: values.checkpoint };
  }
  if (values.checkpoint !== undefined) {
    if (values.model !== undefined) throw new UsageError('residual export: --model must be left out with a Residual checkpoint (it names its model), but got both. Pass one of them.');
    const file = await resolveCheckpoint(values.checkpoint, choiceOption('export', 'which', values.which, ['best', 'last'] as const));
    const { header, model, optimizerState } = await loadCheckpoint(file);
    optimizerState.forEach((tensor) => tensor.dispose());
    const { classNames, imageShape, stats } = header.data;
    return { model, data: { classNames, imageShape, stats, preprocess: 'exact' }, numBatchesTracked: header.state.step, from: `${file} (epoch ${header.state.epoch})` };
  }
  const name = values.model;
  if (name === undefined) throw new UsageError('residual export: --checkpoint or --model must name what to export, but got neither. Example: --model resnet20 --out resnet20.safetensors.');
  if (!isModelName(name)) throw new UsageError(`residual export: --model must be one of ${modelNames.join(', ')}, but got ${JSON.stringify(name)}. See residual export --help.`);
  const seed = numberOption('export', 'seed', values.seed, 0, 'non-negative');
  if (!Number.isInteger(seed)) throw new UsageError(`residual export: --seed must be a whole number, but got ${JSON.stringify(values.seed)}. See residual export --help.`);
  const options = values.classes === undefined ? { seed } : { seed, numClasses: numberOption('export', 'classes', values.classes, 0, 'positive integer') };
  const model = buildModel(name, options);
  return { model, data: await defaultInferenceData(model.config), numBatchesTracked: 0, from: `a fresh ${name} (seed ${seed})` };
}

function pytorchHint(name: string, files: readonly string[]): string {
  const [weights = '', module] = files;
  if (torchvisionModels.includes(name)) {
    return `in PyTorch: torchvision.models.${name}(num_classes=…).load_state_dict(safetensors.torch.load_file(${JSON.stringify(weights)}), strict=True)`;
  }
  return `in PyTorch: the module ${basename(module ?? '')} defines it; load(${JSON.stringify(weights)}) builds it and loads the weights strictly`;
}

/**
 * `residual export`: writes a checkpoint, a safetensors file or a fresh model as safetensors for
 * PyTorch (plus a PyTorch module file for models torchvision lacks) or in TF.js's layers format.
 *
 * @param args - arguments after `export`.
 * @param io - output streams.
 * @returns the exit status.
 * @example
 * await exportCommand(['--model', 'resnet20', '--seed', '1', '--out', 'resnet20.safetensors'], io);
 */
export async function exportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions('export', args, {
    checkpoint: { type: 'string' },
    which: { type: 'string' },
    model: { type: 'string' },
    seed: { type: 'string' },
    classes: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    backend: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help === true) {
    io.out(exportUsage);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`residual export: arguments must be options, but got ${JSON.stringify(positionals[0])}. See residual export --help.`);
  const format = choiceOption('export', 'format', values.format, ['safetensors', 'tfjs']);
  const out = values.out;
  if (out === undefined) throw new UsageError('residual export: --out must name where to write, but got none. Example: --out model.safetensors.');
  if (format === 'safetensors' && !isSafetensorsFile(out)) {
    throw new UsageError(`residual export: --out must end in .safetensors for --format safetensors, but got ${JSON.stringify(out)}. Pass e.g. --out model.safetensors, or --format tfjs for a folder.`);
  }
  await useBackend('export', values.backend, io, values.json === true);
  const source = await readSource(values);
  const { model, data } = source;
  try {
    const files =
      format === 'safetensors'
        ? await exportSafetensors(model, out, { data, numBatchesTracked: source.numBatchesTracked })
        : await writeTfjsModel(model.layersModel, out, { metadata: { residual: { model: model.config, data } } });
    if (values.json === true) {
      io.out(JSON.stringify({ model: model.config.name, format, files }));
      return 0;
    }
    io.err(`model: ${model.config.name}, ${model.config.numClasses} classes, ${model.config.inputShape.join('×')} input, from ${source.from}`);
    for (const file of files) io.out(`wrote ${file}`);
    io.out(format === 'safetensors' ? pytorchHint(model.config.name, files) : `in TF.js: tf.loadLayersModel('<where you serve ${out}>/model.json')`);
    return 0;
  } finally {
    model.dispose();
  }
}
