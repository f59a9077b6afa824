import { DataError } from '../data/data-error.js';
import type { CheckpointHeader } from './checkpoint-format.js';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isShape = (value: unknown, rank?: number): value is number[] =>
  Array.isArray(value) && (rank === undefined || value.length === rank) && value.every(isCount);

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * Checks that a decoded checkpoint header has every field Residual reads, with consistent values:
 * the tensor list, the model config, class names (one per model output), the image shape and the
 * normalisation statistics. A file edited by hand or written by another program is refused here,
 * with the field named, instead of failing later inside TF.js.
 *
 * @param header - the parsed JSON header.
 * @param file - the checkpoint's path, for messages.
 * @returns the header, typed.
 * @throws DataError `checkpoint: <file> must …, but got …. Use the last.ckpt or best.ckpt that residual train wrote.`
 * @example
 * const header = checkHeader(JSON.parse(text), 'runs/a/last.ckpt');
 */
export function checkHeader(header: unknown, file: string): CheckpointHeader {
  const fail = (rule: string, got: string) =>
    new DataError(`checkpoint: ${file} must ${rule}, but got ${got}. Use the last.ckpt or best.ckpt that residual train wrote.`);
  if (!isRecord(header)) throw fail('have a JSON object as its header', describe(header));
  if (header['format'] !== 'residual-checkpoint' || header['version'] !== 1) {
    throw fail('be a Residual checkpoint of format version 1', `format ${describe(header['format'])}, version ${describe(header['version'])}`);
  }
  const tensors = header['tensors'];
  const tensorRule = 'be a Residual checkpoint whose header lists its tensors (header.tensors, an array of { name, shape, group })';
  if (!Array.isArray(tensors)) throw fail(tensorRule, describe(tensors));
  tensors.forEach((tensor: unknown, index) => {
    if (!isRecord(tensor) || typeof tensor['name'] !== 'string' || !isShape(tensor['shape']) || !['weights', 'optimizer'].includes(tensor['group'] as string)) {
      throw fail(tensorRule, `${describe(tensor)} at header.tensors[${index}]`);
    }
  });
  const model = header['model'];
  if (!isRecord(model) || typeof model['name'] !== 'string' || !(isCount(model['numClasses']) && model['numClasses'] > 0) || !isShape(model['inputShape'], 3)) {
    throw fail('describe its model (header.model: { name, numClasses, inputShape: [H, W, C] })', describe(model));
  }
  const data = header['data'];
  if (!isRecord(data) || !Array.isArray(data['classNames']) || !data['classNames'].every((name) => typeof name === 'string')) {
    throw fail('name its classes (header.data.classNames, an array of strings)', describe(isRecord(data) ? data['classNames'] : data));
  }
  const classNames = data['classNames'] as string[];
  if (classNames.length !== model['numClasses']) {
    const names = classNames.slice(0, 10).map((name) => JSON.stringify(name)).join(', ');
    throw new DataError(
      `checkpoint: ${file} must name one class per model output (header.model.numClasses = ${model['numClasses']}), but header.data.classNames has ` +
        `${classNames.length} (${names}${classNames.length > 10 ? ', …' : ''}). Use the last.ckpt or best.ckpt that residual train wrote.`,
    );
  }
  if (!isShape(data['imageShape'], 3) || data['imageShape'].join() !== (model['inputShape'] as number[]).join()) {
    throw fail(`store the model's input shape as header.data.imageShape (${describe(model['inputShape'])})`, describe(data['imageShape']));
  }
  const stats = data['stats'];
  const channels = (model['inputShape'] as number[])[2];
  const isStatList = (list: unknown, positive: boolean) =>
    Array.isArray(list) && list.length === channels && list.every((value) => Number.isFinite(value) && (!positive || value > 0));
  if (!isRecord(stats) || !isStatList(stats['mean'], false) || !isStatList(stats['std'], true)) {
    throw fail(`store ${channels} finite channel means and positive standard deviations (header.data.stats)`, describe(stats));
  }
  return header as unknown as CheckpointHeader;
}
