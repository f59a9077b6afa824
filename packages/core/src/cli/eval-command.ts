import { loadCheckpoint, resolveCheckpoint } from '../checkpoint/load-checkpoint.js';
import { DataError } from '../data/data-error.js';
import { describeDataset, loadDataset } from '../data/load-dataset.js';
import { limitDataset } from '../data/limit-dataset.js';
import { evaluate } from '../train/evaluate.js';
import { isSafetensorsFile, loadSafetensorsModel } from '../interop/load-safetensors-model.js';
import type { CliIo } from './cli-io.js';
import { choiceOption, numberOption, parseOptions } from './parse-options.js';
import { UsageError } from './usage-error.js';
import { useBackend } from './use-backend.js';

export const evalUsage = `Usage: residual eval --checkpoint <run dir|file.ckpt|file.safetensors> --data <dir|cifar10-sample|mnist> [options]

Evaluates a trained model (batch norm in inference mode) and prints its loss and accuracy.

Options:
  --checkpoint <path>  run folder written by residual train, a .ckpt file, or a .safetensors
                       file in torchvision's names (residual export, or PyTorch)
  --model <name>       the architecture of a .safetensors file that does not name it
  --which <best|last>  which checkpoint of a run folder (default best)
  --data <source>      the data to evaluate on (its test split unless --split train): a
                       CIFAR-10 or image folder, cifar10-sample or mnist
  --split <test|train> which split (default test)
  --batch-size <n>     images per batch (default 256)
  --limit <n>          use at most n images
  --backend <name>     auto, tensorflow-gpu, webgpu, wasm or cpu (default auto)
  --json               print one JSON object
  -h, --help           show this help`;

/**
 * `residual eval`: loads a checkpoint and evaluates it on a dataset split.
 *
 * @param args - arguments after `eval`.
 * @param io - output streams.
 * @returns the exit status.
 * @example
 * await evalCommand(['--checkpoint', 'runs/resnet20', '--data', 'data/cifar10'], io);
 */
export async function evalCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseOptions('eval', args, {
    checkpoint: { type: 'string' },
    model: { type: 'string' },
    which: { type: 'string' },
    data: { type: 'string' },
    split: { type: 'string' },
    'batch-size': { type: 'string' },
    limit: { type: 'string' },
    backend: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help === true) {
    io.out(evalUsage);
    return 0;
  }
  if (values.checkpoint === undefined) throw new UsageError('residual eval: --checkpoint must name a run folder or .ckpt file, but got none.');
  if (values.data === undefined) throw new UsageError('residual eval: --data must name a CIFAR-10 folder, an image folder, cifar10-sample or mnist, but got none. Example: --data cifar10-sample.');
  const which = choiceOption('eval', 'which', values.which, ['best', 'last']);
  const split = choiceOption('eval', 'split', values.split, ['test', 'train']);
  const batchSize = numberOption('eval', 'batch-size', values['batch-size'], 256, 'positive integer');
  const file = await resolveCheckpoint(values.checkpoint, which);
  await useBackend('eval', values.backend, io, values.json === true);
  const { header, model, optimizerState } = isSafetensorsFile(file) ? await loadSafetensorsModel(file, { model: values.model }) : await loadCheckpoint(file);
  optimizerState.forEach((tensor) => tensor.dispose());
  const loaded = await loadDataset(values.data, { onWarning: io.err, resize: [header.data.imageShape[0], header.data.imageShape[1]] });
  const data = values.limit === undefined ? loaded : limitDataset(loaded, numberOption('eval', 'limit', values.limit, 0, 'positive integer'));
  if (data.classNames.length !== header.model.numClasses || data.imageShape.join() !== header.model.inputShape.join()) {
    throw new DataError(
      `eval: the data must match ${file} (${header.model.numClasses} classes of ${header.model.inputShape.join('×')}), but got ` +
        `${data.classNames.length} classes of ${data.imageShape.join('×')} (${describeDataset(data)}). Evaluate on the kind of data the model was trained on.`,
    );
  }
  const epoch = 'state' in header ? header.state.epoch : null; // a .safetensors file does not say
  if (values.json !== true) io.err(`checkpoint: ${file} (${header.model.name}${epoch === null ? ', imported weights' : `, epoch ${epoch}`})`);
  if (values.json !== true) io.err(`data: ${describeDataset(data)}`);
  const result = await evaluate(model.layersModel, data[split], { imageShape: data.imageShape, stats: header.data.stats, batchSize });
  if (values.json === true) {
    io.out(JSON.stringify({ checkpoint: file, model: header.model.name, epoch, split, ...result }));
  } else {
    io.out(`${split} accuracy ${(result.accuracy * 100).toFixed(2)} % (${result.count} images), loss ${result.loss.toFixed(4)}`);
  }
  model.dispose();
  return 0;
}
