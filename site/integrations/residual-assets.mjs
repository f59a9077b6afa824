// @ts-check
// Copies what the site serves but does not build: the TF.js wasm binaries (served from the site
// itself, never a CDN), the real CIFAR-10 sample the lab trains on (under /data/cifar10-sample/)
// and the typedoc API reference of the three packages (under /api/); then indexes the lessons for
// search with Pagefind (under /pagefind/, one index per language).
import { cpSync, createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repo = fileURLToPath(new URL('../../', import.meta.url));

/** The folder holding tfjs-backend-wasm's .wasm files. */
export function wasmDir() {
  return join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
}

/** The folder holding the CIFAR-10 sample's files (`@residual/cifar10-sample`). */
export function sampleDir() {
  return join(dirname(require.resolve('@residual/cifar10-sample/package.json')), 'data');
}

/** The sample's files the lab fetches, served under /data/cifar10-sample/. */
export const sampleFiles = ['data_batch_1.bin', 'test_batch.bin', 'batches.meta.txt'];

/** Typedoc output folders by the name they get under /api/. */
export const apiDocs = {
  shapes: join(repo, 'packages/shapes/docs'),
  core: join(repo, 'packages/core/docs'),
  lessons: join(repo, 'packages/lessons/docs'),
};

/**
 * Indexes the built pages for search with Pagefind's Node API (its binary comes from npm; nothing
 * is downloaded). Only what sits in `data-pagefind-body` (the lessons and the guide) is indexed,
 * one index per `<html lang>`, so each language searches its own pages.
 *
 * @param {string} out - the built site folder.
 * @param {import('astro').AstroIntegrationLogger} logger
 */
export async function searchIndex(out, logger) {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (index === undefined) throw new Error(`residual-assets: Pagefind must start, but it failed: ${errors.join('; ')}`);
  try {
    // The lessons and guides of each language; the API reference (typedoc) has its own search.
    const added = await index.addDirectory({ path: out, glob: '{en,zh-cn}/**/*.html' });
    if (added.errors.length > 0) throw new Error(`residual-assets: Pagefind must index ${out}, but it failed: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`residual-assets: Pagefind must write its index, but it failed: ${written.errors.join('; ')}`);
    logger.info(`indexed ${added.page_count} pages for search in pagefind/`);
  } finally {
    await pagefind.close();
  }
}

/** @returns {import('astro').AstroIntegration} */
export function residualAssets() {
  return {
    name: 'residual-assets',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const wasm = readdirSync(wasmDir()).filter((name) => name.endsWith('.wasm'));
        for (const name of wasm) cpSync(join(wasmDir(), name), join(out, 'tfjs-wasm', name));
        logger.info(`copied ${wasm.length} tfjs wasm files to tfjs-wasm/`);
        for (const name of sampleFiles) cpSync(join(sampleDir(), name), join(out, 'data', 'cifar10-sample', name));
        logger.info(`copied the CIFAR-10 sample (${sampleFiles.length} files) to data/cifar10-sample/`);
        for (const [name, folder] of Object.entries(apiDocs)) {
          if (!existsSync(join(folder, 'index.html'))) {
            if (process.env.RESIDUAL_SITE_ALLOW_MISSING_API === '1') {
              logger.warn(`no API reference in ${folder}: /api/${name}/ will be missing (RESIDUAL_SITE_ALLOW_MISSING_API=1)`);
              continue;
            }
            throw new Error(
              `residual-assets: the API reference must be built in ${folder}, but it has no index.html. ` +
                `Build the site through turbo (\`npx turbo run build --filter=@residual/site\`), which runs each package's docs task first.`,
            );
          }
          cpSync(folder, join(out, 'api', name), { recursive: true });
        }
        logger.info('copied the typedoc API reference to api/');
        await searchIndex(out, logger);
      },
      'astro:server:setup': ({ server }) => {
        // The dev server serves the same files straight from their sources.
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^.*?\/(tfjs-wasm|api|pagefind|data)\//, '/$1/');
          const wasm = /^\/tfjs-wasm\/([\w.-]+\.wasm)$/.exec(path);
          const sample = /^\/data\/cifar10-sample\/([\w.-]+)$/.exec(path);
          const api = /^\/api\/(shapes|core|lessons)\/(.*)$/.exec(path);
          // Search in dev uses the index of the last build (site/dist/pagefind), when there is one.
          const search = /^\/pagefind\/([\w.-]+(?:\/[\w.-]+)*)$/.exec(path);
          let file;
          if (wasm?.[1]) file = join(wasmDir(), wasm[1]);
          else if (sample?.[1] && sampleFiles.includes(sample[1])) file = join(sampleDir(), sample[1]);
          else if (search?.[1] && !search[1].includes('..')) file = join(repo, 'site/dist/pagefind', search[1]);
          else if (api?.[1] && api[1] in apiDocs) {
            const root = apiDocs[/** @type {keyof typeof apiDocs} */ (api[1])];
            file = normalize(join(root, api[2] || 'index.html'));
            if (!file.startsWith(root)) file = undefined;
            else if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
          }
          if (file === undefined || !existsSync(file)) return next();
          const types = { '.wasm': 'application/wasm', '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };
          res.setHeader('content-type', types[/** @type {keyof typeof types} */ (extname(file))] ?? 'application/octet-stream');
          createReadStream(file).pipe(res);
        });
      },
    },
  };
}
