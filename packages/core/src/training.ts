/**
 * @residual/core/training — training a model, browser-safe: data decoding and augmentation,
 * optimisers, schedules, the training step and loop, evaluation, benchmarks and kernel timings,
 * charts, the checkpoint format, and interop with PyTorch (safetensors in torchvision's names) and
 * TF.js's layers format, as bytes. Reading and writing files is in `@residual/core/node`.
 *
 * @packageDocumentation
 */
// TF.js's cpu backend, registered on import: models build and run with no further call.
import './engine/backend/default-backend.js';
// Data (bytes in, tensors out; file readers are in @residual/core/node)
export { makeSplit, concatSplits, type ImageSplit, type ImageDataset, type DatasetKind } from './training/data/image-dataset.js';
export { decodeCifar10Batch, encodeCifar10Batch, cifar10ClassNames, cifar10RecordBytes, CorruptDataError } from './training/data/cifar10-binary.js';
export { channelStats, type ChannelStats } from './training/data/channel-stats.js';
export { makeBatch, cifarAugmentation, type Augmentation, type MakeBatchOptions } from './training/data/make-batch.js';
export { resizeImage } from './training/data/resize-image.js';
export { limitDataset } from './training/data/limit-dataset.js';
export { readTar, type TarEntry } from './training/data/tar-reader.js';
// Optimisers, schedules, the training step and loop, evaluation
export { Rng, type RngState } from './training/train/rng.js';
export { Optimizer, paperSgd, defaultAdam, type OptimizerConfig, type SgdConfig, type AdamConfig } from './training/train/optimizer.js';
export {
  learningRateAt,
  defaultSchedule,
  scheduleNames,
  type ScheduleConfig,
  type StepSchedule,
  type CosineSchedule,
  type OneCycleSchedule,
  type ConstantSchedule,
} from './training/train/schedule.js';
export { crossEntropy, countCorrect } from './training/train/cross-entropy.js';
export { trainStep, type TrainStepOptions } from './training/train/train-step.js';
export { evaluate, type EvalResult } from './training/train/evaluate.js';
export {
  fit,
  initialState,
  type FitOptions,
  type FitInput,
  type FitCallbacks,
  type TrainingState,
  type EpochMetrics,
  type StepProgress,
} from './training/train/fit.js';
export { NonFiniteLossError } from './training/train/non-finite-loss-error.js';
export { classify, type Guess } from './training/train/classify.js';
// Benchmarks, kernel timings, progress and charts
export { benchmark, type BenchmarkOptions, type BenchmarkResult } from './training/train/benchmark.js';
export { computingKernels, formatKernelTimes, kernelTimes, type KernelTime, type ProfiledKernel } from './training/train/kernel-times.js';
export { renderCurvesSvg } from './training/train/curves-svg.js';
export { renderLineChartSvg, niceTicks, chartPalette, type SvgChart, type SvgSeries, type SvgChartOptions } from './training/charts/line-chart-svg.js';
export { formatProgress, formatDuration } from './training/train/format-progress.js';
// Checkpoint format (bytes; writing files is in @residual/core/node)
export {
  encodeCheckpoint,
  decodeCheckpoint,
  type CheckpointHeader,
  type CheckpointData,
  type StoredTensor,
} from './training/checkpoint/checkpoint-format.js';
export { snapshotTensors, restoreWeights } from './training/checkpoint/snapshot.js';
// Interop (bytes; files are in @residual/core/node): safetensors in torchvision's names and
// layouts, TF.js's layers format for any TF.js app, torchvision's ImageNet preprocessing
export {
  encodeSafetensors,
  decodeSafetensors,
  elementCount,
  maxSafetensorsHeaderBytes,
  safetensorsDtypeBytes,
  type SafetensorsDtype,
  type SafetensorsFile,
  type SafetensorsTensor,
} from './training/interop/safetensors-format.js';
export { float32Tensor, int64Scalar, readFloat32, floatDtypes, integerDtypes } from './training/interop/safetensors-values.js';
export { torchWeightNames, type TorchLayout, type TorchWeight } from './training/interop/torch-weight-names.js';
export { toTorchStateDict } from './training/interop/to-torch-state-dict.js';
export { loadTorchStateDict } from './training/interop/load-torch-state-dict.js';
export { residualMetadata, readResidualMetadata, type InferenceData, type ResidualMetadata } from './training/interop/residual-metadata.js';
export { tfjsModelFiles, defaultShardBytes } from './training/interop/tfjs-model-files.js';
export { imagenetMeta, type ImagenetMeta } from './training/interop/imagenet-meta.js';
export { imagenetPreprocess, resizeLikePil } from './training/interop/imagenet-preprocessing.js';
