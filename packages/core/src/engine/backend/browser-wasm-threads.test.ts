import { expect, it } from 'vitest';
import { useBrowserWasmThreads } from './browser-wasm-threads.js';

it('changes nothing outside a cross-origin isolated page (here: Node) and says 1 thread', () => {
  expect(useBrowserWasmThreads({ threads: 2, wasmPaths: '/tfjs-wasm/' })).toBe(1);
});

it('refuses a thread count outside 1–8 with the rule and the fix', () => {
  expect(() => useBrowserWasmThreads({ threads: 9, wasmPaths: '/tfjs-wasm/' })).toThrow(
    'useBrowserWasmThreads: threads must be an integer from 1 to 8, but got 9. Pass e.g. 2, or nothing for every core.',
  );
});
