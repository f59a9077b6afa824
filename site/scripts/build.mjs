// Builds the site into a staging folder and only then puts it in place of dist/, so a failed build
// never removes the last good one (a running `npm run preview` keeps serving it).
// Run: npm run build -w @residual/site   (turbo runs it as the site's build task)
import { build } from 'astro';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const staging = fileURLToPath(new URL('../.dist-next/', import.meta.url));
const previous = fileURLToPath(new URL('../.dist-previous/', import.meta.url));

rmSync(staging, { recursive: true, force: true });
try {
  await build({ root, outDir: staging });
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`site build: the build failed; ${existsSync(dist) ? 'dist/ still holds the last good build' : 'there is no earlier build in dist/'}.`);
  throw error;
}
rmSync(previous, { recursive: true, force: true });
if (existsSync(dist)) renameSync(dist, previous);
renameSync(staging, dist);
rmSync(previous, { recursive: true, force: true });
console.log('site build: dist/ now holds the new build.');
