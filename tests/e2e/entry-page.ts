import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolation, type StaticSite } from './static-server.js';

/**
 * Bundles a browser entry module with esbuild (from the packages' sources) and serves it as a page
 * on 127.0.0.1 (a free port): `/` loads `/entry.js`, TF.js's wasm binaries are under `/wasm/`, and
 * every answer carries the cross-origin isolation headers, as the site's servers send them, so
 * wasm may start threads.
 *
 * @param entry - the entry module, e.g. `new URL('./browser-entry.ts', import.meta.url)`.
 * @returns the page's address and how to stop serving it.
 * @example
 * const served = await serveEntryPage(new URL('./browser-entry.ts', import.meta.url));
 * await page.goto(`${served.url}/?threads=2`);
 */
export async function serveEntryPage(entry: URL): Promise<StaticSite> {
  const bundle = await build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['@residual/source'],
    // tfjs-backend-wasm's Node-only requires, never reached in a browser
    external: ['fs', 'path', 'os', 'worker_threads', 'perf_hooks'],
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.contents ?? new Uint8Array();
  const wasmDir = join(dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const wasm = /^\/wasm\/([\w.-]+\.wasm)$/.exec(path)?.[1];
    if (wasm !== undefined) {
      readFile(join(wasmDir, wasm)).then(
        (bytes) => response.writeHead(200, { ...isolation, 'content-type': 'application/wasm' }).end(bytes),
        () => response.writeHead(404).end(),
      );
      return;
    }
    const isScript = path === '/entry.js';
    response.writeHead(200, { ...isolation, 'content-type': isScript ? 'text/javascript' : 'text/html' });
    response.end(isScript ? script : '<!doctype html><script type="module" src="/entry.js"></script>');
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}
