// @ts-check
import { defineConfig } from 'astro/config';
import { join } from 'node:path';
import { residualAssets } from './integrations/residual-assets.mjs';
import { lessonReload } from './integrations/lesson-reload.mjs';

// RESIDUAL_SITE_BASE lets the static build live under a sub-path (e.g. /residual/ on a host).
const base = process.env.RESIDUAL_SITE_BASE ?? '/';

// Workspace packages resolve to their TypeScript sources ("@residual/source"), so the site needs no
// separate build of them and a fresh clone works. Setting `conditions` replaces Vite's defaults,
// so the defaults are listed again after ours.
const clientConditions = ['@residual/source', 'module', 'browser', 'development|production'];
const serverConditions = ['@residual/source', 'module', 'node', 'development|production'];

// RESIDUAL_LESSONS_ROOT renders another lessons tree (the machinery's test fixture) instead of
// packages/lessons; its live examples replace the package's.
const lessonsRoot = process.env.RESIDUAL_LESSONS_ROOT;
/** @type {Record<string, string>} */
const alias = lessonsRoot ? { '@residual/lessons/live': join(lessonsRoot, 'examples/live.ts') } : {};

// Cross-origin isolation (COOP + COEP): browsers give a page SharedArrayBuffer only with these
// headers, and TF.js's wasm backend needs it to run on every core (threads); without them it runs
// on one. Any host of the static build must send the same two headers (see the README).
const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export default defineConfig({
  base,
  server: { headers: isolation },
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [residualAssets(), lessonReload()],
  vite: {
    resolve: { conditions: clientConditions, alias },
    ssr: { resolve: { conditions: serverConditions } },
    build: { chunkSizeWarningLimit: 4096 },
  },
});
