// The `residual` executable's entry point (bin/residual.js loads it from dist/ or, in a fresh
// clone, from these sources through tsx).
import { processIo } from './cli-io.js';
import { main } from './main.js';

const argv = process.argv.slice(2);
const status = await main(argv, processIo(['residual', ...argv].join(' ')));
// Dawn (WebGPU) and the wasm runtime can keep the event loop alive: end explicitly.
process.exit(status);
