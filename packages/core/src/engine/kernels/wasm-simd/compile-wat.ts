import wabtInit from 'wabt';

/** How a kernel module sees the backend's memory: TF.js's threaded build shares it between threads. */
export type MemoryKind = 'shared' | 'unshared';

/**
 * Compiles one of Residual's hand-written SIMD kernels (WebAssembly text) to a binary with WABT,
 * importing the backend's memory as `env.memory` (what the line `__MEMORY_IMPORT__` stands for).
 * Used by `npm run build:wasm-kernels -w @residual/core` and by the test that keeps the committed
 * binaries equal to their sources; nothing compiles at run time.
 *
 * @param source - the `.wat` text.
 * @param memory - `'shared'` for TF.js's threaded build, `'unshared'` for the others.
 * @returns the module's bytes.
 * @example
 * const bytes = await compileWat(readFileSync('filter-gradient.wat', 'utf8'), 'unshared');
 */
export async function compileWat(source: string, memory: MemoryKind): Promise<Uint8Array> {
  const placeholder = /^ {2}__MEMORY_IMPORT__$/m;
  if (!placeholder.test(source)) {
    throw new Error('compileWat: the source must hold a line "  __MEMORY_IMPORT__" (the memory import), but got none. Add it as the module\'s first field.');
  }
  const text = source.replace(placeholder, `  (import "env" "memory" (memory 1 65536${memory === 'shared' ? ' shared' : ''}))`);
  const wabt = await wabtInit();
  const module = wabt.parseWat('kernel.wat', text, { simd: true, threads: true, bulk_memory: true });
  try {
    // WABT's validator refuses shared memories whatever the features say; the two variants differ
    // only in that import, so WABT checks the unshared one and the engine the shared one.
    if (memory === 'unshared') module.validate();
    const bytes = new Uint8Array(module.toBinary({}).buffer);
    if (!WebAssembly.validate(bytes)) throw new Error(`compileWat: the ${memory}-memory module must validate, but WebAssembly.validate refused it.`);
    return bytes;
  } finally {
    module.destroy();
  }
}
