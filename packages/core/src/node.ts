/**
 * @residual/core/node — the Node-only half: backend selection with tfjs-node-gpu and Dawn, data
 * loaders that read files, checkpoints, training runs that write run folders, and the CLI.
 *
 * @packageDocumentation
 */
// TF.js's cpu backend, registered on import: models build and run with no further call.
import './backend/default-backend.js';
// Backends
export {
  isNodeBackendName,
  nodeBackendOrder,
  selectNodeBackend,
  type NodeBackendName,
  type SelectNodeBackendOptions,
} from './backend/select-node-backend.js';
export { probeDawn, type DawnProbe } from './backend/probe-dawn.js';
export { useWasmThreads, defaultWasmThreads } from './backend/node-wasm-threads.js';
export * from './kernels/webgpu/node.js';
// Data
export { DataError } from './data/data-error.js';
export { readCifar10, isCifar10Folder } from './data/read-cifar10.js';
export { readImageFolder, type ReadImageFolderOptions } from './data/read-image-folder.js';
export { readMnist } from './data/read-mnist.js';
export { loadDataset, describeDataset } from './data/load-dataset.js';
export { decodeImage, isImageFile, imageExtensions, type DecodedImage } from './data/decode-image.js';
export { downloadCifar10, extractCifar10, md5Hex, cifar10Url, cifar10Md5, cifar10Files } from './data/download-cifar10.js';
// Checkpoints and runs
export { writeFileAtomic } from './checkpoint/write-checkpoint.js';
export { loadCheckpoint, resolveCheckpoint, type CheckpointChoice, type LoadedCheckpoint } from './checkpoint/load-checkpoint.js';
export { trainRun, type BudgetStop, type TrainRunOptions } from './train/train-run.js';
export { runFiles } from './train/run-folder.js';
export { gitCommit, describeDevice, type Provenance } from './train/provenance.js';
// Interop: safetensors files for PyTorch (and the PyTorch module for models torchvision lacks),
// TF.js layers-format folders
export { exportSafetensors, type ExportSafetensorsOptions } from './interop/export-safetensors.js';
export { loadSafetensorsModel, isSafetensorsFile, type ImportedModel } from './interop/load-safetensors-model.js';
export { defaultInferenceData } from './interop/default-inference-data.js';
export { torchModuleSource, torchvisionModels } from './interop/torch-module-file.js';
export { writeTfjsModel } from './interop/write-tfjs-model.js';
// CLI
export { main, mainUsage } from './cli/main.js';
export { processIo, type CliIo } from './cli/cli-io.js';
export { UsageError } from './cli/usage-error.js';
