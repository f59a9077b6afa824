import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';

/** Where and how a run was made; the first line of `metrics.jsonl`. */
export interface Provenance {
  readonly kind: 'run';
  readonly command: string;
  readonly commit: string;
  readonly backend: string;
  readonly device: string;
  readonly date: string;
  readonly dataset: string;
  readonly model: string;
}

/**
 * The current git commit (with `-dirty` when the work tree has changes), or `unknown` outside a repository.
 *
 * @returns e.g. `e9d5aaf3…`.
 * @example
 * gitCommit(); // '61316e1c…-dirty'
 */
export function gitCommit(): string {
  try {
    const options = { stdio: ['ignore', 'pipe', 'ignore'] as ['ignore', 'pipe', 'ignore'], timeout: 5000 };
    const head = execFileSync('git', ['rev-parse', 'HEAD'], options).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], options).toString().trim() !== '';
    return dirty ? `${head}-dirty` : head;
  } catch {
    return 'unknown';
  }
}

/**
 * A one-line description of the machine a backend runs on: the GPU adapter when there is one, else
 * the CPU, with the backend and its detail (the threads wasm runs on).
 *
 * @param backend - the chosen backend.
 * @param detail - the backend's own detail: the WebGPU adapter, or wasm's threads (`1 thread`).
 * @returns e.g. `2 × AMD EPYC (wasm, 1 thread)` or a GPU adapter's name.
 * @example
 * describeDevice('wasm', '2 threads'); // '2 × Intel(R) Xeon(R) … (wasm, 2 threads)'
 */
export function describeDevice(backend: string, detail?: string): string {
  if (detail !== undefined && backend !== 'wasm' && backend !== 'cpu') return detail;
  const processors = cpus();
  return `${processors.length} × ${processors[0]?.model.trim() ?? 'unknown CPU'} (${backend}${detail === undefined ? '' : `, ${detail}`})`;
}
