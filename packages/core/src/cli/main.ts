import { benchCommand, benchUsage } from './bench-command.js';
import type { CliIo } from './cli-io.js';
import { downloadCommand, downloadUsage } from './download-command.js';
import { evalCommand, evalUsage } from './eval-command.js';
import { exportCommand, exportUsage } from './export-command.js';
import { predictCommand, predictUsage } from './predict-command.js';
import { summaryCommand, summaryUsage } from './summary-command.js';
import { trainCommand, trainUsage } from './train-command.js';
import * as tf from '@tensorflow/tfjs-core';
import { explainError } from './explain-error.js';
import { UsageError } from './usage-error.js';

const commands = {
  train: { run: trainCommand, usage: trainUsage, summary: 'train a model, writing checkpoints, metrics and curves' },
  eval: { run: evalCommand, usage: evalUsage, summary: 'evaluate a checkpoint on a dataset' },
  predict: { run: predictCommand, usage: predictUsage, summary: 'classify image files with a checkpoint' },
  summary: { run: summaryCommand, usage: summaryUsage, summary: 'print a model\'s layers, parameters and MACs' },
  download: { run: downloadCommand, usage: downloadUsage, summary: 'download and verify CIFAR-10' },
  bench: { run: benchCommand, usage: benchUsage, summary: 'time training and inference steps on a backend' },
  export: { run: exportCommand, usage: exportUsage, summary: 'write a model as safetensors for PyTorch, or for TF.js apps' },
} as const;

/** The top-level help text. */
export const mainUsage = `Usage: residual <command> [options]

Residual: ResNets on TensorFlow.js — train, evaluate and inspect them from the command line.

Commands:
${Object.entries(commands)
  .map(([name, command]) => `  ${name.padEnd(9)} ${command.summary}`)
  .join('\n')}

Run residual <command> --help for its options.`;

/**
 * Runs the `residual` command line. Every failure becomes a one-paragraph message on stderr and a
 * non-zero status (2 for a wrong command line, 1 otherwise) — never a stack trace, unless
 * `RESIDUAL_DEBUG=1`.
 *
 * @param argv - the arguments after `residual`.
 * @param io - output streams.
 * @returns the exit status.
 * @example
 * process.exitCode = await main(process.argv.slice(2), processIo(process.argv.join(' ')));
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.out(mainUsage);
      return name === undefined ? 2 : 0;
    }
    if (!Object.hasOwn(commands, name)) {
      throw new UsageError(`residual: the command must be one of ${Object.keys(commands).join(', ')}, but got ${JSON.stringify(name)}. See residual --help.`);
    }
    return await commands[name as keyof typeof commands].run(args, io);
  } catch (error) {
    let backend: string | undefined;
    try {
      backend = tf.getBackend();
    } catch {
      backend = undefined;
    }
    const message = explainError(error, backend);
    io.err(`error: ${message}`);
    if (process.env['RESIDUAL_DEBUG'] === '1' && error instanceof Error && error.stack !== undefined) io.err(error.stack);
    else if (!(error instanceof UsageError) && !isExpected(error) && message === (error as Error).message?.trim()) io.err('(set RESIDUAL_DEBUG=1 to see where this came from)');
    return error instanceof UsageError ? 2 : 1;
  }
}

/** Errors about the user's input, whose message says everything. */
function isExpected(error: unknown): boolean {
  return error instanceof Error && ['DataError', 'CorruptDataError', 'NonFiniteLossError', 'NonFiniteWeightsError', 'ShapeError'].includes(error.name);
}
