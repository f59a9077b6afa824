/**
 * Lesson 6: the training commands of the ablation, as the `residual` CLI runs them. The recorded
 * results under `results/` name the exact command that produced them.
 */

/** Where `residual download cifar10` puts the full data set by default. */
export const cifar10Dir = 'data/cifar10';

/** The paper's CIFAR-10 recipe (section 4.2): SGD, batch 128, lr 0.1 ÷ 10 at 50 % and 75 %, weight decay 1e-4. */
export const paperRecipe = '--epochs 164 --batch-size 128 --lr 0.1 --schedule step --weight-decay 1e-4 --seed 1';

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

// #region seeds
// The seeds' experiment: ResNet-18 (CIFAR layout) with and without its shortcuts.
export const seedsExperiment = ['cifarResnet18', 'cifarPlain18'].map(trainCommand);
// #endregion

// #region paper
// The paper's depth comparison (its Figure 6): plain vs residual at 20 and 56 layers.
export const paperExperiment = ['plain20', 'plain56', 'resnet20', 'resnet56'].map(trainCommand);
// #endregion

// #region smoke
// The smoke run, from the repository root: 2 epochs on the 2,000-image CIFAR-10 sample (wasm).
export const smokeRun = ['resnet20', 'plain20'].map(
  (model) => `residual train --model ${model} --data ../shared/data/cifar10-sample --epochs 2 --backend wasm --seed 1 --out runs/smoke-${model}`,
);
// #endregion
