// Browser-safe runtime: backend selection, gradient kernels, training, data decoding.
export { describeBackendChoice, type BackendChoice, type BackendSkip } from './backend/backend-choice.js';
export {
  browserBackendOrder,
  selectBackend,
  selectBrowserBackend,
  type BrowserBackendName,
  type SelectBrowserBackendOptions,
} from './backend/select-browser-backend.js';
export {
  registerTrainingKernels,
  stockKernel,
  unregisterTrainingKernels,
} from './kernels/register-training-kernels.js';
