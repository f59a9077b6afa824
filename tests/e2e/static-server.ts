import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The two headers the README asks every host of the site to send: a cross-origin isolated page, so wasm runs on every core. */
export const isolation = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

export interface StaticSite {
  url: string;
  close(): Promise<void>;
}

/**
 * Serve a built static site from `root` on 127.0.0.1 (a free port), as a static host would, with
 * the cross-origin isolation headers the README asks hosts to send.
 *
 * @example
 * const site = await serveStatic('site/dist');
 * await page.goto(site.url + '/en/');
 */
export async function serveStatic(root: string): Promise<StaticSite> {
  const base = resolve(root);
  if (!existsSync(join(base, 'index.html'))) {
    throw new Error(
      `serveStatic: root must hold a built site (index.html), but got ${base}. ` +
        'Build it first with `npx turbo run build --filter=@residual/site`.',
    );
  }
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
    if (!existsSync(file)) {
      // As static hosts do: the site's own 404 page, with the 404 status.
      const notFound = join(base, '404.html');
      if (existsSync(notFound)) {
        res.writeHead(404, { ...isolation, 'content-type': types['.html'] });
        createReadStream(notFound).pipe(res);
      } else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { ...isolation, 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
