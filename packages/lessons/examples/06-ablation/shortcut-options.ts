/**
 * Lesson 6: the ImageNet ResNets of basic blocks with the paper's three shortcut options (He et al.
 * 2015, §4.1, Tables 2 and 3), built from the library's blocks so that their parameters can be
 * counted.
 */
import * as tfl from '@tensorflow/tfjs-layers';
import {
  basicBlock,
  batchNorm,
  conv2d,
  countParams,
  dense,
  globalAvgPool,
  input,
  maxPool2d,
  relu,
  withSeed,
  type Sym,
} from '@residual/core/model';

/** A: zero-padding where the shape changes; B: projections there; C: projections everywhere. */
export type ShortcutOption = 'A' | 'B' | 'C';

/** Filters of the four stages. */
const widths = [64, 128, 256, 512] as const;

/** Blocks per stage: ResNet-18 and ResNet-34. */
export const basicDepths = { resnet18: [2, 2, 2, 2], resnet34: [3, 4, 6, 3] } as const;

/**
 * An ImageNet ResNet of basic blocks with one of the paper's shortcut options.
 *
 * @param layers - blocks per stage, e.g. `basicDepths.resnet34`
 * @param option - `'A'`, `'B'` or `'C'`
 * @param imageSize - height and width of the input (224 in the paper; parameters do not depend on it)
 * @returns the model; dispose it
 * @example
 * const model = resnetWithShortcuts(basicDepths.resnet34, 'A', 64);
 * countParams(model).trainable; // the same as plain34's
 */
export function resnetWithShortcuts(layers: readonly number[], option: ShortcutOption, imageSize = 224): tfl.LayersModel {
  if (layers.length !== widths.length) {
    throw new RangeError(`resnetWithShortcuts: layers must give blocks for ${widths.length} stages, but got [${layers.join(', ')}]. Pass e.g. [3, 4, 6, 3].`);
  }
  const stages = widths.map((filters, index) => ({ blocks: layers[index] ?? 0, filters }));
  return withSeed(0, () => {
    const images = input([imageSize, imageSize, 3]); // [N, 224, 224, 3]
    const stem = relu(batchNorm(conv2d(images, { filters: 64, kernelSize: 7, strides: 2, padding: 3, useBias: false })));
    let x: Sym = maxPool2d(stem, { poolSize: 3, strides: 2, padding: 1 }); // [N, 56, 56, 64]
    stages.forEach(({ blocks, filters }, stage) => {
      for (let index = 0; index < blocks; index += 1) {
        const strides = stage > 0 && index === 0 ? 2 : 1;
        const changes = strides !== 1 || x.shape[3] !== filters;
        // #region options
        const shortcut =
          option === 'C' ? 'projection' //              every block: a 1×1 convolution and BN
          : !changes ? 'identity' //                    A and B keep the identity where the shape stays
          : option === 'B' ? 'projection' //            B: a projection where it changes
          : 'zero-pad'; //                              A: subsample, pad zero channels, no parameters
        // #endregion
        x = basicBlock(x, { filters, strides, shortcut });
      }
    });
    const logits = dense(globalAvgPool(x), { units: 1000 }); // [N, 1000]
    return tfl.model({ inputs: images.tensor, outputs: logits.tensor });
  });
}

/**
 * The trainable parameters of a ResNet with each of the given options, and how many projection
 * shortcuts C has beyond B (when both are counted).
 *
 * @param layers - blocks per stage (default ResNet-34's)
 * @param options - which options to build (default all three)
 * @example
 * shortcutOptionParams().B; // 21797672, torchvision's resnet34
 */
export function shortcutOptionParams(
  layers: readonly number[] = basicDepths.resnet34,
  options: readonly ShortcutOption[] = ['A', 'B', 'C'],
): Partial<Record<ShortcutOption, number>> & { extraProjectionsC: number } {
  const params: Partial<Record<ShortcutOption, number>> = {};
  const projections: Partial<Record<ShortcutOption, number>> = {};
  for (const option of options) {
    const model = resnetWithShortcuts(layers, option, 64);
    try {
      params[option] = countParams(model).trainable;
      projections[option] = model.layers.filter((layer) => layer.name.endsWith('downsample.0')).length;
    } finally {
      model.dispose();
    }
  }
  return { ...params, extraProjectionsC: (projections.C ?? Number.NaN) - (projections.B ?? Number.NaN) };
}
