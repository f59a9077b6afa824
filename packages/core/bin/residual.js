#!/usr/bin/env node
// The `residual` command. It runs the built CLI (dist/cli/entry.js) when the package has been built
// (`npm run build`, or an installed release) and the build is not older than src/. In a fresh clone
// without dist/ — or when src/ has changed since the last build — it runs the TypeScript sources
// through tsx (a dev dependency of the repository), in this same process: tsx's loader and the
// "@residual/source" export condition are registered as module hooks, then the sources are imported.
// One command is one process, so a signal sent to it (Ctrl-C, kill -9) stops the training with it.
// RESIDUAL_FROM_SOURCE=1 forces the sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { register } from 'node:module';
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

/** tsx's module-hook API, or undefined where tsx is not installed (a release). */
function findTsxApi() {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    return undefined;
  }
}

const hasBuild = existsSync(built);
const stale = hasBuild && newestSource(sourceDir) > statSync(built).mtimeMs;
const wantSource = process.env.RESIDUAL_FROM_SOURCE === '1' || !hasBuild || stale;
const tsxApi = wantSource && typeof register === 'function' ? findTsxApi() : undefined;

if (tsxApi === undefined) {
  if (!hasBuild) {
    const why =
      typeof register === 'function'
        ? 'tsx is missing: run `npm install` and `npm run build` in the repository first'
        : `Node.js must be 20.6 or newer to run the sources, but got ${process.version}: upgrade Node.js, or run \`npm run build\` first`;
    process.stderr.write(`error: residual is not built and ${why}.\n`);
    process.exit(1);
  }
  if (wantSource) process.stderr.write('note: dist/ is older than src/ and the sources cannot run here; running the old build (run `npm run build`).\n');
  await import(pathToFileURL(built).href);
} else {
  const { register: registerTsx } = await import(tsxApi);
  registerTsx();
  // Registered after tsx, so it runs first: every import resolves with the source condition.
  register('./source-condition.mjs', import.meta.url);
  await import(pathToFileURL(source).href);
}
