/**
 * Lesson 6: the training commands of the ablation, as the `residual` CLI runs them. The recorded
 * results under `results/` name the exact command that produced them.
 */

/** Where `residual download cifar10` puts the full data set by default. */
export const cifar10Dir = 'data/cifar10';

/** The paper's batch size, which is also `residual train`'s default. */
export const paperBatchSize = 128;

/**
 * The paper's CIFAR-10 recipe (section 4.2): SGD with momentum 0.9, batch 128, lr 0.1 ÷ 10 at 50 %
 * and 75 % of training, weight decay 1e-4. 164 epochs of the 50,000 training images are 64k
 * iterations of batch 128, so the milestones fall at the paper's 32k and 48k.
 */
export const paperRecipe = `--epochs 164 --batch-size ${paperBatchSize} --lr 0.1 --momentum 0.9 --schedule step --weight-decay 1e-4 --seed 1`;

/**
 * The command that trains one model with the paper's recipe on the full CIFAR-10.
 *
 * @param model - a registered model name, e.g. `'cifarResnet18'`
 * @example
 * trainCommand('resnet20'); // 'residual train --model resnet20 --data data/cifar10 …'
 */
export function trainCommand(model: string): string {
  return `residual train --model ${model} --data ${cifar10Dir} ${paperRecipe} --out runs/${model}`;
}

// #region shortcut-ablation
// Removing the shortcuts: ResNet-18 with a 3×3 stem for CIFAR-10, trained with and without them.
export const shortcutAblation = ['cifarResnet18', 'cifarPlain18'].map(trainCommand);
// #endregion

// #region paper
// The paper's depth comparison (its Figure 6): plain vs residual at 20 and 56 layers, the ResNets
// with the paper's option A shortcuts (resnet20a, resnet56a: exactly their plain twins' parameters).
export const paperExperiment = ['plain20', 'plain56', 'resnet20a', 'resnet56a'].map(trainCommand);
// #endregion

// #region smoke
// The smoke run, from the repository root: 2 epochs on the 2,000-image CIFAR-10 sample (wasm).
export const smokeRun = ['resnet20', 'plain20'].map(
  (model) => `residual train --model ${model} --data cifar10-sample --epochs 2 --backend wasm --seed 1 --out runs/smoke-${model}`,
);
// #endregion

// #region subset
// The larger CPU run, from the repository root: plain-20/56 and ResNet-20/56 for 4 epochs on 20,000
// training images (2,000 of each class, chosen with a fixed seed) and the whole test set, from the
// JPEG copy of CIFAR-10 (bench/pack-cifar10.sh unpacks it to data/cifar10-images), on wasm, two at a
// time with RESIDUAL_WASM_THREADS=1. These ResNets have projection shortcuts (option B).
export const subsetModels = ['plain20', 'plain56', 'resnet20', 'resnet56'] as const;
export const subset = { images: 20_000, epochs: 4 } as const;
export const subsetRun = subsetModels.map(
  (model) => `residual train --model ${model} --data data/cifar10-images --limit ${subset.images} --epochs ${subset.epochs} --backend wasm --seed 1 --out runs/subset-${model}`,
);
// #endregion
