// The examples' tests and numbers run on the cpu backend, chosen by the one useCpuBackend of the
// lessons package (src/node-backend.ts); examples import it from here.
export { useCpuBackend } from '../../src/node-backend.js';
