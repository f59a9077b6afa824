import { writeFileAtomic } from '../training/checkpoint/write-checkpoint.js';
import { DataError } from '../training/data/data-error.js';
import { describeDataset } from '../training/data/load-dataset.js';
import { renderConfusionSvg } from '../training/train/confusion-svg.js';
import { evaluate } from '../training/train/evaluate.js';
import { formatConfusion, perClassAccuracy } from '../training/train/per-class.js';
import { assertStepFits } from '../training/train/step-memory.js';
import type { CliIo } from './cli-io.js';
import { dataOption, loadCommandCheckpoint, loadCommandData } from './command-start.js';
import { choiceOption, numberOption, parseOptions } from './parse-options.js';

export const evalUsage = `Usage: residual eval --checkpoint <run dir|file.ckpt|file.safetensors> --data <dir|cifar10-sample|mnist> [options]

Evaluates a trained model (batch norm in inference mode) and prints its loss and accuracy, the
accuracy of each class and the confusion matrix (rows: true class, columns: predicted class).

Options:
  --checkpoint <path>  run folder written by residual train, a .ckpt file, or a .safetensors
                       file in torchvision's names (residual export, or PyTorch)
  --model <name>       the architecture of a .safetensors file that does not name it
  --which <best|last>  which checkpoint of a run folder (default best)
  --data <source>      the data to evaluate on (its test split unless --split train): a
                       CIFAR-10 or image folder, cifar10-sample or mnist
  --split <test|train> which split (default test)
  --batch-size <n>     images per batch (default 256)
  --limit <n>          use at most n images, the same number of each class (the same images
                       as train --limit n)
  --confusion <file>   also draw the confusion matrix as an SVG image into this file
  --backend <name>     auto, tensorflow-gpu, webgpu, wasm or cpu (default auto)
  --json               print one JSON object: checkpoint, model, epoch, split, loss, accuracy,
                       count, perClass [{ className, accuracy, count }], confusion [true][predicted]
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
    confusion: { type: 'string' },
    backend: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help === true) {
    io.out(evalUsage);
    return 0;
  }
  const quiet = values.json === true;
  const source = dataOption('eval', values.data);
  const split = choiceOption('eval', 'split', values.split, ['test', 'train']);
  const batchSize = numberOption('eval', 'batch-size', values['batch-size'], 256, 'positive integer');
  const limit = values.limit === undefined ? undefined : numberOption('eval', 'limit', values.limit, 0, 'positive integer');
  const { file, header, model, epoch, backend } = await loadCommandCheckpoint('eval', values, io, quiet);
  const [height, width] = header.data.imageShape;
  const data = await loadCommandData('eval', { data: source, limit, resize: [height, width] }, io, { needs: [split], quiet });
  if (data.classNames.length !== header.model.numClasses || data.imageShape.join() !== header.model.inputShape.join()) {
    throw new DataError(
      `eval: the data must match ${file} (${header.model.numClasses} classes of ${header.model.inputShape.join('×')}), but got ` +
        `${data.classNames.length} classes of ${data.imageShape.join('×')} (${describeDataset(data)}). Evaluate on the kind of data the model was trained on.`,
    );
  }
  assertStepFits(model.layersModel, { backend: backend.name, mode: 'infer', batchSize, images: data[split].count, command: 'eval' });
  const result = await evaluate(model.layersModel, data[split], { imageShape: data.imageShape, stats: header.data.stats, batchSize });
  const classNames = header.data.classNames;
  if (values.confusion !== undefined) {
    const title = `${header.model.name} (${epoch === null ? 'imported weights' : `epoch ${epoch}`}) on the ${split} split of ${describeDataset(data)}`;
    await writeFileAtomic(values.confusion, renderConfusionSvg(result.confusion, classNames, title)).catch((error: NodeJS.ErrnoException) => {
      throw new DataError(`eval: --confusion ${values.confusion} must be a file this user can write, but got ${error.code ?? error.message}. Choose another path.`);
    });
    if (!quiet) io.err(`confusion matrix: ${values.confusion}`);
  }
  if (quiet) {
    const perClass = perClassAccuracy(result.confusion, classNames);
    io.out(JSON.stringify({ checkpoint: file, model: header.model.name, epoch, split, ...result, perClass }));
  } else {
    io.out(`${split} accuracy ${(result.accuracy * 100).toFixed(2)} % (${result.count} images), loss ${result.loss.toFixed(4)}`);
    for (const line of formatConfusion(result.confusion, classNames)) io.out(line);
  }
  model.dispose();
  return 0;
}
