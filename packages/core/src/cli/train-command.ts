import { cifarAugmentation } from '../training/data/make-batch.js';
import { formatProgress } from '../training/train/format-progress.js';
import { defaultAdam, paperSgd, type OptimizerConfig } from '../training/train/optimizer.js';
import { defaultSchedule, scheduleNames } from '../training/train/schedule.js';
import { trainRun } from '../training/train/train-run.js';
import type { CliIo } from './cli-io.js';
import { choiceOption, numberOption, parseOptions, sizeOption } from './parse-options.js';
import { UsageError } from './usage-error.js';
import { dataOption, loadCommandData } from './command-start.js';
import { modelOption } from './model-option.js';
import { useBackend } from './use-backend.js';

export const trainUsage = `Usage: residual train --model <name> --data <dir|cifar10-sample|mnist> [options]

Trains a model and writes a run folder: last.ckpt (every epoch) and best.ckpt (the best test
accuracy), each written atomically, metrics.jsonl (one JSON line per epoch) and curves.svg. While
it runs, train.lock holds its process id: one run writes a folder at a time.

Options:
  --model <name>         ${'model to build (default resnet20); see residual summary --help'}
  --data <source>        CIFAR-10 binary folder, image folder (<class>/<image>.jpg|png), or a
                         data set that ships with Residual: cifar10-sample (2,000 real CIFAR-10
                         training and 500 test images) or mnist
  --epochs <n>           epochs in total, also when resuming (default 10)
  --batch-size <n>       images per step (default 128, the paper's)
  --lr <x>               base learning rate (default 0.1 for sgd, 0.001 for adam)
  --optimizer <name>     sgd (momentum 0.9, the paper's) or adam (default sgd)
  --momentum <x>         SGD momentum (default 0.9)
  --weight-decay <x>     L2 weight decay (default 1e-4 for sgd, 0 for adam)
  --schedule <name>      ${scheduleNames.join(', ')} (default cosine); step divides by 10 at 50 % and 75 %
  --label-smoothing <x>  label smoothing in [0, 1) (default 0)
  --no-augment           no random crop and flip
  --seed <n>             seed for weights, data order and augmentation (default 1)
  --limit <n>            use at most n training and n test images, the same number of each class
                         (quick runs; picked with a fixed seed, so eval --limit n sees the same)
  --resize <H>x<W>       resize image-folder images to this size
  --backend <name>       auto, tensorflow-gpu, webgpu, wasm or cpu (default auto)
  --out <dir>            run folder (default runs/<model>)
  --resume               continue from <out>/last.ckpt (its settings; --epochs and --lr may change)
  --overwrite            start a new run in an --out that holds one, deleting its checkpoints and
                         metrics (without --resume or --overwrite, such a folder is refused)
  --max-minutes <m>      stop between epochs so as to end within m minutes of the start (the next
                         epoch is expected to last as long as the longest so far); exit status 0,
                         continue with --resume
  -h, --help             show this help`;

/**
 * `residual train`: parses options, selects the backend, loads the data and runs {@link trainRun}.
 *
 * @param args - arguments after `train`.
 * @param io - output streams.
 * @returns the exit status.
 * @example
 * await trainCommand(['--model', 'resnet20', '--data', 'data/cifar10', '--epochs', '2'], io);
 */
export async function trainCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseOptions('train', args, {
    model: { type: 'string' },
    data: { type: 'string' },
    epochs: { type: 'string' },
    'batch-size': { type: 'string' },
    lr: { type: 'string' },
    optimizer: { type: 'string' },
    momentum: { type: 'string' },
    'weight-decay': { type: 'string' },
    schedule: { type: 'string' },
    'label-smoothing': { type: 'string' },
    'no-augment': { type: 'boolean' },
    seed: { type: 'string' },
    limit: { type: 'string' },
    resize: { type: 'string' },
    backend: { type: 'string' },
    out: { type: 'string' },
    resume: { type: 'boolean' },
    overwrite: { type: 'boolean' },
    'max-minutes': { type: 'string' },
  });
  const started = Date.now();
  if (values.help === true) {
    io.out(trainUsage);
    return 0;
  }
  const model = modelOption('train', values.model ?? 'resnet20');
  const source = dataOption('train', values.data);
  const optimizerKind = choiceOption('train', 'optimizer', values.optimizer, ['sgd', 'adam']);
  const base = optimizerKind === 'sgd' ? paperSgd : defaultAdam;
  const weightDecay = numberOption('train', 'weight-decay', values['weight-decay'], base.weightDecay, 'non-negative');
  const optimizer: OptimizerConfig =
    base.kind === 'sgd'
      ? { ...base, weightDecay, momentum: numberOption('train', 'momentum', values.momentum, base.momentum, 'non-negative') }
      : { ...base, weightDecay };
  const fit = {
    epochs: numberOption('train', 'epochs', values.epochs, 10, 'positive integer'),
    batchSize: numberOption('train', 'batch-size', values['batch-size'], 128, 'positive integer'),
    lr: numberOption('train', 'lr', values.lr, optimizerKind === 'sgd' ? 0.1 : 0.001, 'positive'),
    schedule: defaultSchedule(choiceOption('train', 'schedule', values.schedule, ['cosine', 'step', 'one-cycle', 'constant'])),
    labelSmoothing: numberOption('train', 'label-smoothing', values['label-smoothing'], 0, 'fraction'),
    augment: values['no-augment'] === true ? null : cifarAugmentation,
  };
  const seed = numberOption('train', 'seed', values.seed, 1, 'non-negative');
  const limit = values.limit === undefined ? undefined : numberOption('train', 'limit', values.limit, 0, 'positive integer');
  const resize = sizeOption('train', values.resize);
  const out = values.out ?? `runs/${model}`;
  if (values.resume === true && values.overwrite === true) {
    throw new UsageError('residual train: --resume and --overwrite must not be given together, but got both. Continue the run with --resume, or start over with --overwrite.');
  }
  const maxMinutes = values['max-minutes'] === undefined ? undefined : numberOption('train', 'max-minutes', values['max-minutes'], 0, 'positive');
  const choice = await useBackend('train', values.backend, io);
  const data = await loadCommandData('train', { data: source, limit, resize, resizeAsked: resize !== undefined }, io, { needs: ['train', 'test'] });
  const { stopped, state } = await trainRun({
    // On --resume the checkpoint decides; only an explicit --model is compared with it.
    model: values.resume === true && values.model === undefined ? '' : model,
    data,
    out,
    fit,
    optimizer,
    seed,
    resume: values.resume === true,
    overwrite: values.overwrite === true,
    ...(values.resume === true && values.lr !== undefined ? { resumeLr: fit.lr } : {}),
    ...(maxMinutes === undefined ? {} : { stopBy: started + maxMinutes * 60_000 }),
    backend: choice.detail === undefined ? { name: choice.name } : { name: choice.name, detail: choice.detail },
    command: io.command,
    onProgress: (progress) => io.status(formatProgress(progress, 24, io.statusWidth)),
    onLine: io.out,
    onNote: io.err,
  });
  if (stopped !== null) {
    io.out(
      `stopped after epoch ${stopped.epoch} of ${stopped.epochs}: one more (about ${Math.round(stopped.nextEpochSeconds)} s) would end after ` +
        `--max-minutes ${maxMinutes}; continue with --resume`,
    );
  }
  io.out(`run folder ${out}: last.ckpt (epoch ${state.epoch}), best.ckpt (epoch ${state.bestEpoch}), metrics.jsonl, curves.svg`);
  return 0;
}
