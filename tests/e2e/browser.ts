import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's chromium (apt); never a browser downloaded by a test tool. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep headless Chromium quiet on a machine with no network but loopback. */
const baseFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchOptions {
  /** Also expose WebGPU (SwiftShader's adapter: slow but correct). */
  webgpu?: boolean;
}

export interface LaunchedBrowser {
  /** A browser context on a fresh, private profile (`--user-data-dir`). */
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Start Debian's chromium with a fresh profile; `close()` also removes the profile folder.
 *
 * @example
 * const { context, close } = await launchChromium();
 * const page = await context.newPage();
 * await close();
 */
export async function launchChromium(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `launchChromium: the browser must exist at ${chromiumPath}, but it was not found. ` +
        'Install it with `apt-get install -y chromium` or set CHROMIUM_PATH.',
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'residual-chromium-'));
  const args = [...baseFlags];
  if (options.webgpu) args.push('--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-angle=swiftshader');
  // playwright passes the profile as --user-data-dir itself.
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, args, headless: true });
  return {
    context,
    async close() {
      await context.close();
      // Chromium's GPU process can outlive the browser for a few seconds; a WebGPU browser started
      // meanwhile then fails to allocate buffers. Wait until no process uses this profile.
      await waitForExit(profile);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Resolves when no process on this machine has `profile` on its command line (at most 15 s). */
async function waitForExit(profile: string): Promise<void> {
  const running = () =>
    readdirSync('/proc').some((pid) => {
      if (!/^\d+$/.test(pid)) return false;
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(profile);
      } catch {
        return false;
      }
    });
  for (let waited = 0; waited < 15_000 && running(); waited += 100) await new Promise((done) => setTimeout(done, 100));
}
