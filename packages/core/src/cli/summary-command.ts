import * as tf from '@tensorflow/tfjs-core';
import { summarize } from '../model/analysis/summarize.js';
import { summary } from '../model/analysis/summary.js';
import { buildModel, modelNames } from '../model/models/registry.js';
import type { ResNetOptions } from '../model/models/resnet-model.js';
import { modelOption } from './model-option.js';
import type { CliIo } from './cli-io.js';
import { numberOption, parseOptions } from './parse-options.js';
import { UsageError } from './usage-error.js';

export const summaryUsage = `Usage: residual summary <model> [--json] [--num-classes <n>] [--input-shape <H>x<W>x<C>]

Prints a model's layers (output shape, parameters) and totals: trainable parameters and
multiply-accumulates (MACs) per image. BN running statistics are counted as non-trainable.

Models: ${modelNames.join(', ')}

Options:
  --json                  print one JSON object (fields below)
  --num-classes <n>       classes of the final layer (default: the model's)
  --input-shape <HxWxC>   input image shape (default: the model's, e.g. 32x32x3 for CIFAR models)
  -h, --help              show this help

--json fields:
  model                the model name
  params               trainable parameters (the count papers quote; the same as trainableParams)
  trainableParams      weights the optimiser updates
  nonTrainableParams   batch-norm running means and variances
  totalParams          trainableParams + nonTrainableParams: every model weight a checkpoint stores
  macs                 multiply-accumulates per image (convolutions and the final dense layer)
  inputShape           e.g. "[N,32,32,3]" (NHWC)
  layers               one object per layer: name, type, outputShape, params, trainableParams, macs`;

/**
 * `residual summary`: builds a model (on the cpu backend, no training) and prints its summary.
 *
 * @param args - arguments after `summary`.
 * @param io - output streams.
 * @returns the exit status.
 * @example
 * await summaryCommand(['resnet20', '--json'], io); // {"model":"resnet20","params":272474,…}
 */
export async function summaryCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions('summary', args, {
    json: { type: 'boolean' },
    'num-classes': { type: 'string' },
    'input-shape': { type: 'string' },
  });
  if (values.help === true) {
    io.out(summaryUsage);
    return 0;
  }
  const [name, ...extra] = positionals;
  if (name === undefined || extra.length > 0) {
    throw new UsageError(`residual summary: exactly one model name must be given, but got ${positionals.length}. Example: residual summary resnet20.`);
  }
  modelOption('summary', name, 'the model');
  const options: ResNetOptions = {};
  if (values['num-classes'] !== undefined) options.numClasses = numberOption('summary', 'num-classes', values['num-classes'], 10, 'positive integer');
  if (values['input-shape'] !== undefined) {
    const match = /^(\d+)x(\d+)x(\d+)$/i.exec(values['input-shape']);
    if (match === null) {
      throw new UsageError(`residual summary: --input-shape must be <H>x<W>x<C> such as 32x32x3, but got ${JSON.stringify(values['input-shape'])}.`);
    }
    options.inputShape = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  // Imported here, not at the top: bundlers drop a bare import of this package (its package.json
  // does not list its Node build among the files with side effects).
  await import('@tensorflow/tfjs-backend-cpu');
  await tf.setBackend('cpu');
  tf.enableProdMode();
  const model = buildModel(name, options);
  if (values.json === true) {
    const result = summarize(model);
    io.out(
      JSON.stringify({
        model: name,
        params: result.params.trainable,
        trainableParams: result.params.trainable,
        nonTrainableParams: result.params.nonTrainable,
        totalParams: result.params.total,
        macs: result.macs,
        inputShape: result.inputShape,
        layers: result.rows,
      }),
    );
  } else {
    io.out(summary(model));
  }
  model.dispose();
  return 0;
}
