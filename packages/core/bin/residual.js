#!/usr/bin/env node
// The `residual` command. It runs the built CLI (dist/cli/entry.js) when the package has been built
// (`npm run build`, or an installed release) and the build is not older than src/. In a fresh clone
// without dist/ — or when src/ has changed since the last build — it runs the TypeScript sources
// through tsx (a dev dependency of the repository) in a child Node process with the
// "@residual/source" export condition. RESIDUAL_FROM_SOURCE=1 forces the sources.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli/entry.js', import.meta.url));
const sourceDir = fileURLToPath(new URL('../src', import.meta.url));
const source = join(sourceDir, 'cli', 'entry.ts');

/** The newest modification time of the TypeScript sources (0 when there are none, as in a release). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : []) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function findTsx() {
  try {
    return createRequire(import.meta.url).resolve('tsx');
  } catch {
    return undefined;
  }
}

const hasBuild = existsSync(built);
const stale = hasBuild && newestSource(sourceDir) > statSync(built).mtimeMs;
const tsx = process.env.RESIDUAL_FROM_SOURCE === '1' || !hasBuild || stale ? findTsx() : undefined;

if (tsx === undefined) {
  if (!hasBuild) {
    process.stderr.write('error: residual is not built and tsx is missing: run `npm install` and `npm run build` in the repository first.\n');
    process.exit(1);
  }
  if (stale) process.stderr.write('note: dist/ is older than src/ and tsx is missing; running the old build (run `npm run build`).\n');
  await import(pathToFileURL(built).href);
} else {
  const child = spawn(
    process.execPath,
    ['--conditions=@residual/source', '--import', pathToFileURL(tsx).href, source, ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
}
