/**
 * @residual/core/node — the Node-only half: backend selection with tfjs-node-gpu and Dawn, data
 * loaders that read files, checkpoints, training runs that write run folders, and the CLI.
 *
 * @packageDocumentation
 */
// TF.js's cpu backend, registered on import: models build and run with no further call.
import './engine/backend/default-backend.js';
// Backends
export {
  isNodeBackendName,
  nodeBackendOrder,
  selectNodeBackend,
  type NodeBackendName,
  type SelectNodeBackendOptions,
} from './engine/backend/select-node-backend.js';
export { probeDawn, type DawnProbe } from './engine/backend/probe-dawn.js';
export { useWasmThreads, defaultWasmThreads } from './engine/backend/node-wasm-threads.js';
export * from './engine/kernels/webgpu/node.js';
// Data
export { DataError } from './training/data/data-error.js';
export { readCifar10, isCifar10Folder } from './training/data/read-cifar10.js';
export { readImageFolder, type ReadImageFolderOptions } from './training/data/read-image-folder.js';
export { readMnist } from './training/data/read-mnist.js';
export { loadDataset, describeDataset } from './training/data/load-dataset.js';
export { decodeImage, isImageFile, imageExtensions, type DecodedImage } from './training/data/decode-image.js';
export { downloadCifar10, extractCifar10, md5Hex, cifar10Url, cifar10Md5, cifar10Files } from './training/data/download-cifar10.js';
// Checkpoints and runs
export { writeFileAtomic } from './training/checkpoint/write-checkpoint.js';
export { loadCheckpoint, resolveCheckpoint, type CheckpointChoice, type LoadedCheckpoint } from './training/checkpoint/load-checkpoint.js';
export { trainRun, type BudgetStop, type TrainRunOptions } from './training/train/train-run.js';
export { runFiles } from './training/train/run-folder.js';
export { gitCommit, describeDevice, type Provenance } from './training/train/provenance.js';
// Interop: safetensors files for PyTorch (and the PyTorch module for models torchvision lacks),
// TF.js layers-format folders
export { exportSafetensors, type ExportSafetensorsOptions } from './training/interop/export-safetensors.js';
export { loadSafetensorsModel, isSafetensorsFile, type ImportedModel } from './training/interop/load-safetensors-model.js';
export { defaultInferenceData } from './training/interop/default-inference-data.js';
export { torchModuleSource, torchvisionModels } from './training/interop/torch-module-file.js';
export { writeTfjsModel } from './training/interop/write-tfjs-model.js';
// CLI
export { main, mainUsage } from './cli/main.js';
export { processIo, type CliIo } from './cli/cli-io.js';
export { UsageError } from './cli/usage-error.js';
