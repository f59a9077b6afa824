// The site's data files (the CIFAR-10 sample the lab and the playground train on), fetched once with
// progress and kept in the browser's Cache Storage for the next visit.

const cacheName = 'residual-cifar10-sample-v1';

/**
 * A file's bytes: from the cache when it is there, else fetched (reporting each chunk) and cached.
 * A full or blocked cache only costs the next visit a download.
 *
 * @param url - where the site serves the file.
 * @param onBytes - called with the size of each chunk as it arrives (once, with the whole size, from the cache).
 * @returns the bytes, and whether they came from the cache.
 * @example
 * const { bytes } = await cachedBytes('/data/cifar10-sample/data_batch_1.bin', () => {}); // 6,146,000 bytes
 */
export async function cachedBytes(url: string, onBytes: (count: number) => void): Promise<{ bytes: Uint8Array; cached: boolean }> {
  const cache = 'caches' in globalThis ? await caches.open(cacheName).catch(() => undefined) : undefined;
  const hit = await cache?.match(url);
  if (hit !== undefined) {
    const bytes = new Uint8Array(await hit.arrayBuffer());
    onBytes(bytes.length);
    return { bytes, cached: true };
  }
  const response = await fetch(url);
  if (!response.ok || response.body === null) throw new Error(`site data: ${url} must be served by the site, but the request answered ${response.status}. Rebuild the site.`);
  const kept = response.clone();
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    parts.push(read.value);
    onBytes(read.value.length);
  }
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  await cache?.put(url, kept).catch(() => undefined);
  return { bytes, cached: false };
}
