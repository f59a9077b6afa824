// Browser-safe runtime: backend selection, gradient kernels, data decoding and augmentation,
// optimisers, schedules, the training loop, checkpoint encoding, benchmarks.
export {
  describeBackendChoice,
  type BackendChoice,
  type BackendChoiceKind,
  type BackendSkip,
  type BackendSkipCode,
  type BackendTiming,
} from './backend/backend-choice.js';
export { browserBackendOrder, type BrowserBackendName } from './backend/browser-backend-order.js';
export { selectBrowserBackend, type SelectBrowserBackendOptions } from './backend/select-browser-backend.js';
export { isFallbackAdapter, isSoftwareRenderer, type AdapterFacts } from './backend/software-renderer.js';
export {
  registerTrainingKernels,
  unregisterTrainingKernels,
} from './kernels/register-training-kernels.js';
export { stockKernel } from './kernels/stock-kernels.js';
export { useBrowserWasmThreads, type BrowserWasmThreadsOptions } from './backend/browser-wasm-threads.js';
export { reduceByMatMulConfig, type MatMulReduceKernelName } from './kernels/reduce-by-matmul.js';
export { rowReduction, type RowReduction } from './kernels/row-reduction.js';
// WebGPU: tiled implicit-GEMM convolution kernels (forward and both gradients)
export * from './kernels/webgpu/index.js';
export { KernelRunner } from './kernels/kernel-runner.js';
export { conv2dBackpropFilter, conv2dBackpropFilterConfig } from './kernels/conv2d-backprop-filter.js';
export { conv2dBackpropInput, conv2dBackpropInputConfig } from './kernels/conv2d-backprop-input.js';
// Data (bytes in, tensors out; file readers are in @residual/core/node)
export { makeSplit, concatSplits, type ImageSplit, type ImageDataset, type DatasetKind } from './data/image-dataset.js';
export { decodeCifar10Batch, encodeCifar10Batch, cifar10ClassNames, cifar10RecordBytes, CorruptDataError } from './data/cifar10-binary.js';
export { channelStats, type ChannelStats } from './data/channel-stats.js';
export { makeBatch, cifarAugmentation, type Augmentation, type MakeBatchOptions } from './data/make-batch.js';
export { resizeImage } from './data/resize-image.js';
export { limitDataset } from './data/limit-dataset.js';
export { readTar, type TarEntry } from './data/tar-reader.js';
// Training
export { Rng, type RngState } from './train/rng.js';
export { Optimizer, paperSgd, defaultAdam, type OptimizerConfig, type SgdConfig, type AdamConfig } from './train/optimizer.js';
export {
  learningRateAt,
  defaultSchedule,
  scheduleNames,
  type ScheduleConfig,
  type StepSchedule,
  type CosineSchedule,
  type OneCycleSchedule,
  type ConstantSchedule,
} from './train/schedule.js';
export { crossEntropy, countCorrect } from './train/cross-entropy.js';
export { trainStep, type TrainStepOptions } from './train/train-step.js';
export { evaluate, type EvalResult } from './train/evaluate.js';
export {
  fit,
  initialState,
  type FitOptions,
  type FitInput,
  type FitCallbacks,
  type TrainingState,
  type EpochMetrics,
  type StepProgress,
} from './train/fit.js';
export { NonFiniteLossError } from './train/non-finite-loss-error.js';
export { classify, type Guess } from './train/classify.js';
// Inference: batch norms folded into their convolutions, one fused kernel each
export { inferenceModel, type InferenceModel, type Fusion } from './inference/inference-model.js';
export { foldBatchNorm, type BatchNormInference } from './inference/fold-batch-norm.js';
export { residualConv2d, residualConv2dKernelName, type ResidualConv2dArgs } from './ops/residual-conv2d.js';
export { benchmark, type BenchmarkOptions, type BenchmarkResult } from './train/benchmark.js';
export { computingKernels, formatKernelTimes, kernelTimes, type KernelTime, type ProfiledKernel } from './train/kernel-times.js';
export { renderCurvesSvg } from './train/curves-svg.js';
export { renderLineChartSvg, niceTicks, chartPalette, type SvgChart, type SvgSeries, type SvgChartOptions } from './charts/line-chart-svg.js';
export { formatProgress, formatDuration } from './train/format-progress.js';
// Checkpoint format (bytes; writing files is in @residual/core/node)
export {
  encodeCheckpoint,
  decodeCheckpoint,
  type CheckpointHeader,
  type CheckpointData,
  type StoredTensor,
} from './checkpoint/checkpoint-format.js';
export { snapshotTensors, restoreWeights } from './checkpoint/snapshot.js';
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
} from './interop/safetensors-format.js';
export { float32Tensor, int64Scalar, readFloat32, floatDtypes, integerDtypes } from './interop/safetensors-values.js';
export { torchWeightNames, type TorchLayout, type TorchWeight } from './interop/torch-weight-names.js';
export { toTorchStateDict } from './interop/to-torch-state-dict.js';
export { loadTorchStateDict } from './interop/load-torch-state-dict.js';
export { residualMetadata, readResidualMetadata, type InferenceData, type ResidualMetadata } from './interop/residual-metadata.js';
export { tfjsModelFiles, defaultShardBytes } from './interop/tfjs-model-files.js';
export { imagenetMeta, type ImagenetMeta } from './interop/imagenet-meta.js';
export { imagenetPreprocess, resizeLikePil } from './interop/imagenet-preprocessing.js';
