// The CIFAR-10 sample for the lab: fetched from the site with progress, kept in the browser's Cache
// Storage for the next visit, and decoded a few hundred records at a time between frames, so the
// page stays responsive. Cheap to load: only core's CIFAR-10 decoder, no TF.js.
import { cifar10ClassNames, cifar10RecordBytes, concatSplits, decodeCifar10Batch, type ImageSplit } from '@residual/core/training';
import { cachedBytes } from '../cached-bytes.js';

/** Where the two files are and how large they are (known before fetching). */
export interface SampleFiles {
  readonly train: { url: string; bytes: number };
  readonly test: { url: string; bytes: number };
}

/** Progress: bytes downloaded, then records decoded; `cached` when the files came from the cache. */
export type SampleProgress =
  | { phase: 'download'; loaded: number; total: number }
  | { phase: 'decode'; done: number; total: number; cached: boolean };

/** The decoded sample. */
export interface Sample {
  readonly train: ImageSplit;
  readonly test: ImageSplit;
  readonly classNames: readonly string[];
  readonly cached: boolean;
}

/** Decodes whole records a chunk at a time, yielding to the page between chunks. */
async function decodeInChunks(bytes: Uint8Array, name: string, onRecords: (count: number) => void): Promise<ImageSplit> {
  const records = bytes.length / cifar10RecordBytes;
  const chunk = 250;
  const parts: ImageSplit[] = [];
  for (let start = 0; start < records; start += chunk) {
    const end = Math.min(records, start + chunk);
    parts.push(decodeCifar10Batch(bytes.subarray(start * cifar10RecordBytes, end * cifar10RecordBytes), name));
    onRecords(end - start);
    await new Promise((done) => setTimeout(done, 0));
  }
  return concatSplits(parts);
}

/**
 * Loads the sample: both files, cached after the first visit, decoded without blocking the page.
 *
 * @param files - the two files' URLs and sizes.
 * @param onProgress - called as bytes arrive and records are decoded.
 * @example
 * const sample = await loadSample({ train: { url: '/data/cifar10-sample/data_batch_1.bin', bytes: 6146000 }, test: { … } }, console.log);
 */
export async function loadSample(files: SampleFiles, onProgress: (progress: SampleProgress) => void): Promise<Sample> {
  const total = files.train.bytes + files.test.bytes;
  let loaded = 0;
  const onBytes = (count: number) => {
    loaded += count;
    onProgress({ phase: 'download', loaded, total });
  };
  const [train, test] = await Promise.all([cachedBytes(files.train.url, onBytes), cachedBytes(files.test.url, onBytes)]);
  const cached = train.cached && test.cached;
  const records = (train.bytes.length + test.bytes.length) / cifar10RecordBytes;
  let done = 0;
  const onRecords = (count: number) => {
    done += count;
    onProgress({ phase: 'decode', done, total: records, cached });
  };
  const name = (url: string) => url.split('/').pop() ?? url;
  return {
    train: await decodeInChunks(train.bytes, name(files.train.url), onRecords),
    test: await decodeInChunks(test.bytes, name(files.test.url), onRecords),
    classNames: cifar10ClassNames,
    cached,
  };
}
