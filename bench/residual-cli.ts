// The `residual` command as prepare-gpu.sh bundles it for the GPU machine (esbuild, one file,
// .gpu-run/residual.mjs): the program of @residual/core's bin, built from the public
// `@residual/core/node` entry rather than the package's sources.
import { main, processIo } from '@residual/core/node';

const argv = process.argv.slice(2);
const status = await main(argv, processIo(['residual', ...argv].join(' ')));
// Dawn (WebGPU) and the wasm runtime can keep the event loop alive: end explicitly.
process.exit(status);
