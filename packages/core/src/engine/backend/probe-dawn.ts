import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** What a Dawn probe found: an adapter's description, or why none can be used. */
export type DawnProbe =
  | { readonly found: true; readonly description: string; readonly software: boolean }
  | { readonly found: false; readonly reason: string };

/** Names of software rasterisers that Dawn may offer as an adapter; slower than wasm for training. */
const softwareAdapter = /llvmpipe|lavapipe|swiftshader|softpipe|software/i;

/**
 * Looks for a WebGPU adapter through Dawn (the npm package `webgpu`) in a child process, so a
 * driver that hangs, prints native warnings or keeps the event loop alive cannot affect the caller.
 *
 * @param flags - Dawn options passed to `create()`, e.g. `['backend=opengles']`.
 * @param timeoutMs - how long to wait before giving up (the child is killed).
 * @param compatibility - request a compatibility-mode adapter (Dawn's OpenGL ES backend needs it).
 * @returns the adapter description, or a one-line reason.
 * @example
 * const probe = await probeDawn([], 15_000); // { found: false, reason: 'Dawn found no adapter …' }
 */
export async function probeDawn(flags: readonly string[], timeoutMs: number, compatibility = false): Promise<DawnProbe> {
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve('webgpu');
  } catch {
    return { found: false, reason: "the optional package 'webgpu' (Dawn) is not installed" };
  }
  const script = `
    const { create } = await import(${JSON.stringify(pathToFileURL(entry).href)});
    const gpu = create(${JSON.stringify(flags)});
    const adapter = await gpu.requestAdapter(${compatibility ? "{ featureLevel: 'compatibility' }" : 'undefined'});
    const info = adapter ? (adapter.info ?? {}) : null;
    process.stdout.write(JSON.stringify(info === null ? null : {
      description: [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' '),
      fallback: Boolean(adapter.isFallbackAdapter || info.isFallbackAdapter),
    }));
    process.exit(0);`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ found: false, reason: `Dawn did not answer within ${timeoutMs} ms (driver hang?)` });
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const firstWarning = stderr.split('\n').find((line) => /warning|error/i.test(line))?.trim();
      let parsed: { description: string; fallback: boolean } | null;
      try {
        parsed = JSON.parse(stdout) as { description: string; fallback: boolean } | null;
      } catch {
        const why = firstWarning ?? `exit code ${String(code)}`;
        resolve({ found: false, reason: `Dawn could not start: ${why}` });
        return;
      }
      if (parsed === null) {
        resolve({ found: false, reason: `Dawn found no adapter${firstWarning === undefined ? '' : ` (${firstWarning})`}` });
        return;
      }
      const description = parsed.description || 'unnamed adapter';
      resolve({ found: true, description, software: parsed.fallback || softwareAdapter.test(description) });
    });
  });
}
