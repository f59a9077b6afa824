import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { writeFileAtomic } from '../checkpoint/write-checkpoint.js';
import { DataError } from './data-error.js';
import { readTar } from './tar-reader.js';

/** The official CIFAR-10 binary archive on the dataset's home page (https://www.cs.toronto.edu/~kriz/cifar.html). */
export const cifar10Url = 'https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz';

/**
 * MD5 of `cifar-10-binary.tar.gz` as listed on the dataset's home page (the "md5sum" column of the
 * download table); the same value is used by independent open-source loaders.
 */
export const cifar10Md5 = 'c32a1d4ab5d03f1284b67883e8d87530';

/** The files `residual download cifar10` keeps from the archive. */
export const cifar10Files = [
  'data_batch_1.bin',
  'data_batch_2.bin',
  'data_batch_3.bin',
  'data_batch_4.bin',
  'data_batch_5.bin',
  'test_batch.bin',
  'batches.meta.txt',
] as const;

/**
 * Hex MD5 of some bytes.
 *
 * @param bytes - the data.
 * @returns 32 lowercase hex digits.
 * @example
 * md5Hex(new Uint8Array()); // 'd41d8cd98f00b204e9800998ecf8427e'
 */
export function md5Hex(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('hex');
}

/**
 * Verifies a downloaded CIFAR-10 archive and extracts its binary batches into `dir` (flat: `dir/data_batch_1.bin`, …).
 *
 * @param archive - the `.tar.gz` bytes.
 * @param dir - the destination folder (created).
 * @param expectedMd5 - the checksum to require; default {@link cifar10Md5}.
 * @returns the paths written.
 * @throws DataError on a checksum mismatch or when a batch file is missing from the archive.
 * @example
 * await extractCifar10(await readFile('cifar-10-binary.tar.gz'), 'data/cifar10');
 */
export async function extractCifar10(archive: Uint8Array, dir: string, expectedMd5 = cifar10Md5): Promise<string[]> {
  const actual = md5Hex(archive);
  if (actual !== expectedMd5) {
    throw new DataError(
      `download: the CIFAR-10 archive must have MD5 ${expectedMd5}, but got ${actual}. ` +
        'The download is incomplete or altered; delete it and run residual download cifar10 again.',
    );
  }
  const entries = readTar(gunzipSync(archive), 'cifar-10-binary.tar.gz');
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const file of cifar10Files) {
    const entry = entries.find((candidate) => basename(candidate.path) === file);
    if (entry === undefined) {
      throw new DataError(`download: the CIFAR-10 archive must contain ${file}, but it does not. Download it again.`);
    }
    const target = join(dir, file);
    await writeFileAtomic(target, entry.bytes);
    written.push(target);
  }
  return written;
}

/**
 * Downloads the official CIFAR-10 binary archive (162 MB), verifies its MD5 and extracts the batches
 * into `dir` with a JavaScript tar reader (no shell). A previously downloaded archive in `dir` with
 * the right checksum is reused.
 *
 * @param dir - destination folder.
 * @param options - `onProgress(received, total)` while downloading; `url` and its `md5` to use a mirror.
 * @returns the extracted file paths.
 * @throws DataError when the network is unreachable or the checksum does not match.
 * @example
 * await downloadCifar10('data/cifar10'); // then: residual train --data data/cifar10
 */
export async function downloadCifar10(
  dir: string,
  options: { url?: string; md5?: string; onProgress?: (received: number, total: number | undefined) => void } = {},
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const archivePath = join(dir, 'cifar-10-binary.tar.gz');
  const md5 = options.md5 ?? cifar10Md5;
  const cached = await readFile(archivePath).catch(() => undefined);
  if (cached !== undefined && md5Hex(cached) === md5) return extractCifar10(cached, dir, md5);
  const url = options.url ?? cifar10Url;
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new DataError(
      `download: ${url} must be reachable, but the request failed (${(error as Error).message}). ` +
        'Check the network or download the file by hand into the folder and run the command again.',
    );
  }
  if (!response.ok || response.body === null) {
    throw new DataError(`download: ${url} must answer 200, but got ${response.status} ${response.statusText}. Try again later.`);
  }
  const totalHeader = response.headers.get('content-length');
  const total = totalHeader === null ? undefined : Number(totalHeader);
  const chunks: Uint8Array[] = [];
  let received = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    chunks.push(chunk);
    received += chunk.length;
    options.onProgress?.(received, total);
  }
  const archive = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    archive.set(chunk, offset);
    offset += chunk.length;
  }
  await writeFile(archivePath, archive);
  return extractCifar10(archive, dir, md5);
}
