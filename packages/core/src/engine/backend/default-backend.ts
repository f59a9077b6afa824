// Registers TF.js's cpu backend, so that importing @residual/core is enough to build, count and run
// a model: TF.js picks the highest-priority registered backend on first need, and cpu always works
// (synchronously, in every JavaScript runtime). `selectNodeBackend()` (Node) or
// `selectBrowserBackend()` (browser) then switch to the fastest backend the machine offers.
// This module is listed in package.json's "sideEffects", so bundlers keep this import.
import '@tensorflow/tfjs-backend-cpu';
