import type * as tfl from '@tensorflow/tfjs-layers';
import { formatShape } from '@residual/shapes';
import { layerMacs } from './layer-macs.js';
import { layersModelOf, sizeOf, type CountableModel } from './model-source.js';
import { countParams, type ParamCounts } from './count-params.js';
import { countMacs } from './count-macs.js';

/** One layer of a {@link ModelSummary}. */
export interface SummaryRow {
  /** layer name, torchvision style: `layer2.0.downsample.0` */
  name: string;
  /** TF.js class: `Conv2D`, `BatchNormalization`, … */
  type: string;
  /** output shape, NHWC, e.g. `[N,56,56,64]` */
  outputShape: string;
  /** every weight of the layer, BN running statistics included */
  params: number;
  /** of which trainable */
  trainableParams: number;
  /** multiply-accumulates per image (conv and dense only) */
  macs: number;
}

/** The structured form of {@link summary}: rows and totals (JSON-friendly). */
export interface ModelSummary {
  name: string;
  inputShape: string;
  rows: SummaryRow[];
  params: ParamCounts;
  macs: number;
}

/**
 * The rows and totals that {@link summary} prints, as data (for `--json` output and lessons).
 *
 * @example
 * ```ts
 * const { rows, params, macs } = summarize(resnet20());
 * ```
 */
export function summarize(model: CountableModel): ModelSummary {
  const layersModel = layersModelOf(model);
  const rows = layersModel.layers.map((layer): SummaryRow => {
    const shape = (Array.isArray(layer.outputShape[0]) ? layer.outputShape[0] : layer.outputShape) as (number | null)[];
    const weightSize = (weight: tfl.LayerVariable) => sizeOf(weight.shape, 'summarize', `weight ${weight.name}`);
    const trainableParams = layer.trainableWeights.reduce((sum, weight) => sum + weightSize(weight), 0);
    return {
      name: layer.name,
      type: layer.getClassName(),
      outputShape: formatShape(shape),
      params: layer.weights.reduce((sum, weight) => sum + weightSize(weight), 0),
      trainableParams,
      macs: layerMacs(layer),
    };
  });
  const [modelInput] = layersModel.inputs;
  if (modelInput === undefined) throw new Error(`summarize: ${layersModel.name} must have an input, but got none. Pass a model built with input().`);
  const inputShape = formatShape(modelInput.shape);
  return { name: layersModel.name, inputShape, rows, params: countParams(layersModel), macs: countMacs(layersModel) };
}
