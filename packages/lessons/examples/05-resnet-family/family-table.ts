/**
 * Lesson 5: the ResNet family table, read off the built models.
 */
import { buildModel, countMacs, countParams, resnetSpecs, summarize, type ResNetModel } from '@residual/core/model';
import { family, type FamilyName } from './published-figures.js';

/** The architecture of each model, as the library stores it. */
export function depths(): Array<{ name: FamilyName; block: string; layers: readonly number[] }> {
  // #region depths
  // resnet18: basic [2, 2, 2, 2] … resnet152: bottleneck [3, 8, 36, 3]
  return family.map((name) => ({ name, block: resnetSpecs[name].block, layers: resnetSpecs[name].layers }));
  // #endregion
}

/** One row of the family table. */
export interface FamilyRow {
  name: FamilyName;
  /** weighted layers on the main path: stem conv, block convs, fc (projections not counted) */
  layers: number;
  /** height of the stem conv's output and of each stage's output, e.g. [112, 56, 28, 14, 7] */
  sizes: number[];
  /** channels of the last stage */
  channels: number;
  params: number;
  macs: number;
  /** MACs with the stride of each downsampling bottleneck on its first 1×1 conv (the paper's v1) */
  macsV1: number;
}

/** `[N,56,56,64]` → [56, 56, 64]. */
function dims(shape: string): number[] {
  return shape.replace(/[[\]N]/g, '').split(',').filter((part) => part !== '').map(Number);
}

/**
 * Reads one row of the table off a built model.
 *
 * @param model - an ImageNet ResNet
 * @example
 * familyRow(resnet18()).params; // 11689512
 */
export function familyRow(model: ResNetModel): FamilyRow {
  // #region row
  const { rows } = summarize(model); // one row per layer: name, type, output shape, params, MACs
  const weighted = rows.filter((row) => (row.type === 'Conv2D' || row.type === 'Dense') && !row.name.includes('downsample'));
  const stageOutputs = [1, 2, 3, 4].map((stage) => rows.filter((row) => row.name.startsWith(`layer${stage}.`)).at(-1));
  const stem = rows.find((row) => row.name === 'conv1');
  const sizes = [stem, ...stageOutputs].map((row) => dims(row?.outputShape ?? '')[0] ?? 0);
  const channels = dims(stageOutputs[3]?.outputShape ?? '')[2] ?? 0;
  const params = countParams(model).trainable;
  const macs = countMacs(model);
  // #endregion
  // v1: a downsampling bottleneck's conv1 would run at its conv2's (strided) output size.
  const byName = new Map(rows.map((row) => [row.name, row]));
  const saved = rows
    .filter((row) => /^layer\d+\.\d+\.conv1$/.test(row.name) && byName.has(row.name.replace(/conv1$/, 'conv3')))
    .reduce((sum, conv1) => {
      const conv2 = byName.get(conv1.name.replace(/conv1$/, 'conv2'));
      const [h1 = 1, w1 = 1] = dims(conv1.outputShape);
      const [h2 = 1, w2 = 1] = dims(conv2?.outputShape ?? '');
      return sum + conv1.macs * (1 - (h2 * w2) / (h1 * w1));
    }, 0);
  return { name: model.name as FamilyName, layers: weighted.length, sizes, channels, params, macs, macsV1: macs - saved };
}

/**
 * Builds each model in turn, reads its row, and frees it before building the next (ResNet-152
 * alone holds about 60 M weights).
 *
 * @param names - which models (default: all five)
 * @example
 * (await familyTable(['resnet18']))[0]?.layers; // 18
 */
export async function familyTable(names: readonly FamilyName[] = family): Promise<FamilyRow[]> {
  const table: FamilyRow[] = [];
  for (const name of names) {
    const model = buildModel(name, { seed: 0 });
    try {
      table.push(familyRow(model));
    } finally {
      model.dispose();
    }
    await Promise.resolve();
  }
  return table;
}
