import { readFile } from 'node:fs/promises';
import { DataError } from '../training/data/data-error.js';
import { decodeImage } from '../training/data/decode-image.js';
import { resizeImage } from '../training/data/resize-image.js';
import { imagenetPreprocess } from '../training/interop/imagenet-preprocessing.js';
import { classify } from '../training/train/classify.js';
import type { CliIo } from './cli-io.js';
import { loadCommandCheckpoint } from './command-start.js';
import { numberOption, parseOptions } from './parse-options.js';
import { UsageError } from './usage-error.js';

export const predictUsage = `Usage: residual predict --checkpoint <run dir|file.ckpt|file.safetensors> [options] <image files...>

Classifies .jpg/.png images with a trained model and prints, per image:
  this picture might be: dog, score: 0.97
                     or: cat, score: 0.02     (with --top 2)

Options:
  --checkpoint <path>  run folder written by residual train, a .ckpt file, or a .safetensors
                       file in torchvision's names (residual export, or PyTorch); an ImageNet
                       model without Residual's metadata gets torchvision's preprocessing
                       (resize 256, centre crop 224, ImageNet mean/std) and class names
  --model <name>       the architecture of a .safetensors file that does not name it
  --which <best|last>  which checkpoint of a run folder (default best)
  --top <k>            print the k best guesses (default 1)
  --resize             scale images to the model's input size (otherwise they must already have it)
  --backend <name>     auto, tensorflow-gpu, webgpu, wasm or cpu (default auto)
  --json               print one JSON line per image: { checkpoint, file, guesses: [{ className, score }] }
  -h, --help           show this help`;

async function readForModel(file: string, shape: readonly [number, number, number], resize: boolean, imagenet = false): Promise<Uint8Array> {
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new DataError(`predict: ${file} must be a readable image file, but got ${error.code ?? error.message}. Check the path.`);
  });
  let image;
  try {
    image = decodeImage(new Uint8Array(bytes), file);
  } catch (error) {
    throw new DataError(`predict: ${(error as Error).message.replace(/^decodeImage: /, '')}`);
  }
  const [height, width, channels] = shape;
  let pixels = image.pixels;
  if (imagenet) {
    pixels = imagenetPreprocess(pixels, [image.height, image.width, 3], height);
  } else if (image.height !== height || image.width !== width) {
    if (!resize) {
      throw new DataError(
        `predict: ${file} must be ${height}×${width} (the model's input), but got ${image.height}×${image.width}. ` +
          'Pass --resize to scale it, or crop it first.',
      );
    }
    pixels = resizeImage(pixels, [image.height, image.width, 3], [height, width]);
  }
  if (channels === 3) return pixels;
  // A one-channel model (MNIST): the mean of R, G and B.
  const grey = new Uint8Array(height * width);
  for (let i = 0; i < grey.length; i++) grey[i] = Math.round(((pixels[i * 3] as number) + (pixels[i * 3 + 1] as number) + (pixels[i * 3 + 2] as number)) / 3);
  return grey;
}

/**
 * The lines `residual predict` prints for one image: its best guess, then the others with their
 * `or:` under the best guess's `be:`, so that class names line up.
 *
 * @param guesses - best first.
 * @param prefix - `<file>: ` when several images are classified, else empty.
 * @returns the lines.
 * @example
 * formatGuesses([{ className: 'dog', score: 0.97 }, { className: 'cat', score: 0.02 }], '');
 * // ['this picture might be: dog, score: 0.97', '                   or: cat, score: 0.02']
 */
export function formatGuesses(guesses: readonly { readonly className: string; readonly score: number }[], prefix: string): string[] {
  const lead = 'this picture might be:';
  return guesses.map((guess, index) =>
    index === 0
      ? `${prefix}${lead} ${guess.className}, score: ${guess.score.toFixed(2)}`
      : `${' '.repeat(prefix.length + lead.length - 'or:'.length)}or: ${guess.className}, score: ${guess.score.toFixed(2)}`,
  );
}

/**
 * `residual predict`: classifies image files with a checkpoint.
 *
 * @param args - arguments after `predict`.
 * @param io - output streams.
 * @returns the exit status.
 * @example
 * await predictCommand(['--checkpoint', 'runs/resnet20', 'dog.png'], io); // this picture might be: dog, score: 0.97
 */
export async function predictCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions('predict', args, {
    checkpoint: { type: 'string' },
    model: { type: 'string' },
    which: { type: 'string' },
    top: { type: 'string' },
    resize: { type: 'boolean' },
    backend: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help === true) {
    io.out(predictUsage);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('residual predict: at least one image file must be given, but got none. Example: residual predict --checkpoint runs/a dog.png');
  const top = numberOption('predict', 'top', values.top, 1, 'positive integer');
  const { file, header, model } = await loadCommandCheckpoint('predict', values, io, values.json === true);
  const shape = header.data.imageShape;
  for (const image of positionals) {
    const pixels = await readForModel(image, shape, values.resize === true, 'preprocess' in header.data && header.data.preprocess === 'imagenet');
    const [guesses] = await classify(model.layersModel, pixels, { imageShape: shape, stats: header.data.stats, classNames: header.data.classNames, top });
    if (guesses === undefined) throw new Error(`predict: classify must answer one image with one list of guesses, but got none for ${image}. This is a bug in classify.`);
    if (values.json === true) io.out(JSON.stringify({ checkpoint: file, file: image, guesses }));
    else for (const line of formatGuesses(guesses, positionals.length > 1 ? `${image}: ` : '')) io.out(line);
  }
  model.dispose();
  return 0;
}
