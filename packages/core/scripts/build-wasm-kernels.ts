// Compiles Residual's hand-written SIMD kernels (src/engine/kernels/wasm-simd/*.wat) with WABT and writes
// their binaries, base64, to src/engine/kernels/wasm-simd/kernel-binaries.ts (committed; a test keeps it
// equal to the sources). Run after editing a .wat file:
//
//   npm run build:wasm-kernels -w @residual/core
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { kernelBinariesSource } from '../src/engine/kernels/wasm-simd/kernel-binaries-source.js';

const dir = fileURLToPath(new URL('../src/engine/kernels/wasm-simd/', import.meta.url));
const sources: Record<string, string> = {};
for (const name of (await readdir(dir)).filter((file) => file.endsWith('.wat')).sort()) {
  sources[name.replace(/\.wat$/, '')] = await readFile(`${dir}${name}`, 'utf8');
}
await writeFile(`${dir}kernel-binaries.ts`, await kernelBinariesSource(sources));
console.log(`wrote kernel-binaries.ts: ${Object.keys(sources).join(', ')}`);
