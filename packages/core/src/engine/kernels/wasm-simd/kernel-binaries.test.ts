import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { compileWat } from './compile-wat.js';
import { kernelBinariesSource } from './kernel-binaries-source.js';

const dir = fileURLToPath(new URL('./', import.meta.url));

it('kernel-binaries.ts is what the .wat sources compile to (npm run build:wasm-kernels -w @residual/core rewrites it)', async () => {
  const sources: Record<string, string> = {};
  for (const name of (await readdir(dir)).filter((file) => file.endsWith('.wat')).sort()) {
    sources[name.replace(/\.wat$/, '')] = await readFile(`${dir}${name}`, 'utf8');
  }
  expect(Object.keys(sources)).toEqual(['direct-conv', 'filter-gradient']);
  expect(await readFile(`${dir}kernel-binaries.ts`, 'utf8')).toBe(await kernelBinariesSource(sources));
});

it('compileWat names the missing memory import', async () => {
  await expect(compileWat('(module)', 'unshared')).rejects.toThrow(
    'compileWat: the source must hold a line "  __MEMORY_IMPORT__" (the memory import), but got none. Add it as the module\'s first field.',
  );
});
