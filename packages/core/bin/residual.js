#!/usr/bin/env node
// The `residual` command. It runs the built CLI (dist/cli/entry.js) when the package has been built
// (`npm run build`, or an installed release). In a fresh clone without dist/, it runs the
// TypeScript sources through tsx (a dev dependency of the repository) in a child Node process with
// the "@residual/source" export condition. RESIDUAL_FROM_SOURCE=1 forces the sources.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli/entry.js', import.meta.url));
const source = fileURLToPath(new URL('../src/cli/entry.ts', import.meta.url));

if (existsSync(built) && process.env.RESIDUAL_FROM_SOURCE !== '1') {
  await import(pathToFileURL(built).href);
} else {
  let tsx;
  try {
    tsx = createRequire(import.meta.url).resolve('tsx');
  } catch {
    process.stderr.write('error: residual is not built and tsx is missing: run `npm install` and `npm run build` in the repository first.\n');
    process.exit(1);
  }
  const child = spawn(
    process.execPath,
    ['--conditions=@residual/source', '--import', pathToFileURL(tsx).href, source, ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
}
