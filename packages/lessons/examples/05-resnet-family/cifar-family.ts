/**
 * Lesson 5: the paper's CIFAR-10 networks (He et al. 2015, §4.2), 6n + 2 layers, read off the
 * built models.
 */
import { buildModel, countParams, summarize, type ModelName } from '@residual/core/model';

/** The depths the paper trains: n = 3, 5, 7, 9 and 18 blocks per stage. */
export const cifarDepths = [
  { n: 3, name: 'resnet20' },
  { n: 5, name: 'resnet32' },
  { n: 7, name: 'resnet44' },
  { n: 9, name: 'resnet56' },
  { n: 18, name: 'resnet110' },
] as const;

/** One row of the CIFAR family table. */
export interface CifarRow {
  name: (typeof cifarDepths)[number]['name'];
  n: number;
  /** weighted layers: the stem convolution, the block convolutions and the dense layer */
  layers: number;
  /** output height and channels of each stage, e.g. `32×32×16` */
  stages: string[];
  /** trainable parameters with option A shortcuts (`resnet20a`), option B (`resnet20`), and plain */
  optionA: number;
  optionB: number;
  plain: number;
}

/** Builds a registered model, reads something off it, and frees it. */
function readModel<Result>(name: ModelName, read: (model: ReturnType<typeof buildModel>) => Result): Result {
  const model = buildModel(name, { seed: 0 });
  try {
    return read(model);
  } finally {
    model.dispose();
  }
}

/**
 * Reads each CIFAR ResNet's layers, stage shapes and parameters with each kind of shortcut.
 *
 * @example
 * cifarFamily()[0]; // { name: 'resnet20', n: 3, layers: 20, stages: ['32×32×16', '16×16×32', '8×8×64'], optionA: 269722, … }
 */
export function cifarFamily(): CifarRow[] {
  return cifarDepths.map(({ n, name }) => {
    // #region read
    const { layers, stages, optionA } = readModel(`${name}a` as ModelName, (model) => {
      const { rows } = summarize(model); //                   one row per layer
      const weighted = rows.filter((row) => row.type === 'Conv2D' || row.type === 'Dense');
      const stageOutputs = [1, 2, 3].map((stage) => rows.filter((row) => row.name.startsWith(`layer${stage}.`)).at(-1)?.outputShape ?? '');
      return {
        layers: weighted.length, //                          6n + 2
        stages: stageOutputs.map((shape) => shape.replace(/^\[N,/, '').replace(/\]$/, '').split(',').join('×')),
        optionA: countParams(model).trainable,
      };
    });
    // #endregion
    const optionB = readModel(name, (model) => countParams(model).trainable);
    const plain = readModel(name.replace('resnet', 'plain') as ModelName, (model) => countParams(model).trainable);
    return { name, n, layers, stages, optionA, optionB, plain };
  });
}
