import type { CountableModel } from './model-source.js';
import { summarize } from './summarize.js';

const group = (value: number): string => value.toLocaleString('en-US');

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/**
 * A readable table of a model, like Keras's `model.summary()` or torchinfo: one row per layer
 * (name and type, output shape NHWC, parameters, multiply-accumulates), then the totals.
 *
 * @param model - a built model or a TF.js `LayersModel`
 * @returns the table as text
 * @example
 * ```ts
 * console.log(summary(resnet50()));
 * // Layer (type)             Output shape        Params        MACs
 * // conv1 (Conv2D)           [N,112,112,64]       9,408  118,013,952
 * // …
 * // Trainable params: 25,557,032
 * ```
 */
export function summary(model: CountableModel): string {
  const { name, inputShape, rows, params, macs } = summarize(model);
  const labels = rows.map((row) => `${row.name} (${row.type})`);
  const widths = [
    Math.max(12, ...labels.map((label) => label.length)),
    Math.max(12, ...rows.map((row) => row.outputShape.length)),
    Math.max(6, ...rows.map((row) => group(row.params).length)),
    Math.max(4, ...rows.map((row) => group(row.macs).length)),
  ] as const;
  const line = (cells: readonly [string, string, string, string]): string =>
    [pad(cells[0], widths[0]), pad(cells[1], widths[1]), pad(cells[2], widths[2], true), pad(cells[3], widths[3], true)].join('  ');
  const rule = '─'.repeat(line(['', '', '', '']).length);
  const body = rows.map((row, index) => line([labels[index] ?? row.name, row.outputShape, group(row.params), group(row.macs)]));
  const bottleneck = rows.some((row) => /\.conv3$/.test(row.name));
  return [
    `Model: ${name}   input ${inputShape} (NHWC)`,
    rule,
    line(['Layer (type)', 'Output shape', 'Params', 'MACs']),
    rule,
    ...body,
    rule,
    `Total params: ${group(params.total)}`,
    `Trainable params: ${group(params.trainable)}`,
    `Non-trainable params: ${group(params.nonTrainable)} (BatchNorm running mean and variance: updated while training, not by gradients)`,
    `MACs per image: ${group(macs)} (${(macs / 1e9).toFixed(3)} G; conv and dense multiply-accumulates, as torchvision counts)`,
    ...(bottleneck
      ? ['Bottlenecks stride on the 3×3 conv (torchvision v1.5); the paper strides on the first 1×1 conv, so its ResNet-50 needs 3.8 G, not 4.09 G.']
      : []),
  ].join('\n');
}
