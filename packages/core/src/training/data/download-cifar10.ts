import { createHash } from 'node:crypto';
import { lstat, mkdir, readFile } from 'node:fs/promises';
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
      `download: the CIFAR-10 archive must have MD5 ${expectedMd5}, but got ${actual} (MD5 mismatch: an incomplete or altered download). ` +
        'Delete it and run residual download cifar10 again.',
    );
  }
  let tar: Uint8Array;
  try {
    tar = gunzipSync(archive);
  } catch (error) {
    throw new DataError(`download: the CIFAR-10 archive must be gzip-compressed, but gunzip failed (${(error as Error).message}). Delete it and run residual download cifar10 again.`);
  }
  const entries = readTar(tar, 'cifar-10-binary.tar.gz');
  await makeFolder(dir);
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

/** Creates the destination folder, or says why it cannot be one. */
async function makeFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const what = code === 'EEXIST' || code === 'ENOTDIR' ? `it is a file (${code})` : `creating it failed with ${code ?? (error as Error).message}`;
    throw new DataError(`download: ${dir} must be a folder (or a path to create), but ${what}. Choose another --dir.`);
  }
}

/** Options of {@link downloadCifar10}. */
export interface DownloadOptions {
  /** A mirror to use instead of {@link cifar10Url} (with its `md5`). */
  readonly url?: string;
  readonly md5?: string;
  /** The longest pause allowed while waiting for the server (the answer, then each chunk); default 60,000 ms. */
  readonly timeoutMs?: number;
  readonly onProgress?: (received: number, total: number | undefined) => void;
  /** Notes: an archive already there that is replaced, and why. */
  readonly onNote?: (line: string) => void;
}

/** A failed fetch: `problem` is the "<url> must …, but …" part, so it can be told with another problem. */
class FetchError extends DataError {
  constructor(
    readonly problem: string,
    fix: string,
  ) {
    super(`download: ${problem}. ${fix}`);
  }
}

/**
 * Fetches a URL's body, ending with a clear error when the server stalls for `timeoutMs` or the
 * connection ends before `content-length` bytes.
 */
async function fetchArchive(url: string, dir: string, options: DownloadOptions): Promise<Uint8Array> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const controller = new AbortController();
  let received = 0;
  let total: number | undefined;
  let timer = setTimeout(() => controller.abort(), timeoutMs);
  const stalled = () =>
    new FetchError(
      `${url} must keep sending data (a pause of at most ${timeoutMs / 1000} s), but it sent nothing more after ` +
        `${received.toLocaleString('en-US')}${total === undefined ? '' : ` of ${total.toLocaleString('en-US')}`} bytes`,
      `Check the network and run residual download cifar10 again, or download ${url} by hand into ${dir}.`,
    );
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: controller.signal });
    } catch (error) {
      if (controller.signal.aborted) throw stalled();
      throw new FetchError(
        `${url} must be reachable, but the request failed (${(error as Error).message})`,
        'Check the network or download the file by hand into the folder and run the command again.',
      );
    }
    if (!response.ok || response.body === null) {
      throw new FetchError(`${url} must answer 200, but got ${response.status} ${response.statusText}`, 'Try again later.');
    }
    const totalHeader = response.headers.get('content-length');
    total = totalHeader === null ? undefined : Number(totalHeader);
    const chunks: Uint8Array[] = [];
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        clearTimeout(timer);
        timer = setTimeout(() => controller.abort(), timeoutMs);
        chunks.push(chunk);
        received += chunk.length;
        options.onProgress?.(received, total);
      }
    } catch (error) {
      if (controller.signal.aborted) throw stalled();
      const reason = (error as Error).message;
      const cause = ((error as Error).cause as Error | undefined)?.message;
      throw shortBody(url, total, received, cause === undefined ? reason : `${reason}: ${cause}`);
    }
    if (total !== undefined && received < total) throw shortBody(url, total, received, 'the server closed it');
    const archive = new Uint8Array(received);
    let offset = 0;
    for (const chunk of chunks) {
      archive.set(chunk, offset);
      offset += chunk.length;
    }
    return archive;
  } finally {
    clearTimeout(timer);
  }
}

function shortBody(url: string, total: number | undefined, received: number, reason: string): FetchError {
  return new FetchError(
    `${url} must send the whole archive${total === undefined ? '' : ` (${total.toLocaleString('en-US')} bytes)`}, but the connection ended after ` +
      `${received.toLocaleString('en-US')} bytes (${reason})`,
    'Run residual download cifar10 again.',
  );
}

/**
 * Downloads the official CIFAR-10 binary archive (162 MB), verifies its MD5 and extracts the batches
 * into `dir` with a JavaScript tar reader (no shell). A previously downloaded archive in `dir` with
 * the right checksum is reused; one with another checksum is reported (an MD5 mismatch) and
 * replaced. The archive is written to a new temporary file and renamed into place, so a symbolic
 * link planted at its name is replaced, never written through. A server that pauses longer than
 * `timeoutMs`, or a connection that ends early, ends the download with a message saying so.
 *
 * @param dir - destination folder.
 * @param options - a mirror `url` and its `md5`, the `timeoutMs` of a pause, `onProgress(received, total)`, `onNote`.
 * @returns the extracted file paths.
 * @throws DataError when `dir` is a file, the server is unreachable, stalls or ends early, or the checksum does not match.
 * @example
 * await downloadCifar10('data/cifar10'); // then: residual train --data data/cifar10
 */
export async function downloadCifar10(dir: string, options: DownloadOptions = {}): Promise<string[]> {
  await makeFolder(dir);
  const archivePath = join(dir, 'cifar-10-binary.tar.gz');
  const md5 = options.md5 ?? cifar10Md5;
  const url = options.url ?? cifar10Url;
  const note = options.onNote ?? (() => {});
  const existing = await lstat(archivePath).catch(() => undefined);
  let mismatch: string | undefined;
  if (existing?.isSymbolicLink() === true) {
    note(`note: ${archivePath} is a symbolic link: the download replaces the link and leaves what it points to alone`);
  } else if (existing?.isFile() === true) {
    const cached = await readFile(archivePath);
    const actual = md5Hex(cached);
    if (actual === md5) return extractCifar10(cached, dir, md5);
    mismatch = `${archivePath} must have MD5 ${md5}, but got ${actual} (MD5 mismatch: an incomplete or altered download)`;
    note(`note: ${archivePath} has MD5 ${actual}, not ${md5} (MD5 mismatch: an incomplete or altered download); downloading it again`);
  }
  let archive: Uint8Array;
  try {
    archive = await fetchArchive(url, dir, options);
  } catch (error) {
    if (mismatch === undefined || !(error instanceof FetchError)) throw error;
    throw new DataError(
      `download: ${mismatch}; fetching a fresh copy failed too: ${error.problem}. Delete ${archivePath}, check the network and run residual download cifar10 again.`,
    );
  }
  await writeFileAtomic(archivePath, archive);
  return extractCifar10(archive, dir, md5);
}
