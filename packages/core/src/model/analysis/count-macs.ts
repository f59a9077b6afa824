import { layerMacs } from './layer-macs.js';
import { layersModelOf, type CountableModel } from './model-source.js';

/**
 * Multiply-accumulates (MACs) of one forward pass of one image: every conv and dense layer's
 * multiplications, as torchvision's "GFLOPS" figures count them (ResNet-18 at 224×224: 1.814 G).
 * BN, ReLU, adds and pooling are not counted. One MAC is two FLOPs to some authors.
 *
 * For bottleneck models the stride is on the 3×3 conv (torchvision's v1.5): the first 1×1 conv of
 * each downsampling block runs before the stride, at 4× the positions, so ResNet-50 needs 4.09 G
 * where the paper's v1 (stride on that first 1×1 conv) needs 3.8 G.
 *
 * @param model - a built model or a TF.js `LayersModel` (input size fixed)
 * @example
 * ```ts
 * countMacs(resnet18()) / 1e9; // ≈ 1.814
 * ```
 */
export function countMacs(model: CountableModel): number {
  return layersModelOf(model).layers.reduce((sum, layer) => sum + layerMacs(layer), 0);
}
