import { expect, test } from 'vitest';
import { loadUiStrings } from '@residual/lessons/node';
import { backendWords } from './backend-words.js';

test("wasm's thread count is said in the page's language; an adapter's name stays as the browser gives it", () => {
  const zh = loadUiStrings('zh-cn').t;
  const en = loadUiStrings('en').t;
  const wasm = { name: 'wasm', how: 'first', threads: 2, skipped: [] } as const;
  expect(backendWords(wasm, zh).chosen).toMatch(/ — 2 个线程$/);
  expect(backendWords(wasm, en).chosen).toMatch(/ — 2 threads$/);
  expect(backendWords({ ...wasm, threads: 1 }, en).chosen).toMatch(/ — 1 thread$/);
  const webgpu = { name: 'webgpu', how: 'forced', detail: 'SwiftShader', skipped: [] } as const;
  expect(backendWords(webgpu, zh).chosen).toMatch(/ — SwiftShader$/);
});
