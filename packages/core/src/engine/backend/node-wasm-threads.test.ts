import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useWasmThreads } from './node-wasm-threads.js';

const run = promisify(execFile);
const step = fileURLToPath(new URL('./__fixtures__/wasm-threads-step.ts', import.meta.url));

interface Run {
  detail: string;
  threads: number;
  simdThreads: number | null;
  losses: string[];
  weights: string;
}

async function trainOn(threads: number): Promise<Run> {
  const { stdout } = await run(process.execPath, ['--conditions=@residual/source', '--import', 'tsx', step, String(threads)], { timeout: 120_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Run;
}

describe('useWasmThreads', () => {
  it('runs wasm on 2 threads in Node with the same losses and weights, bit for bit, as on 1', async () => {
    const [one, two] = await Promise.all([trainOn(1), trainOn(2)]);
    expect(one).toMatchObject({ detail: '1 thread', threads: 1, simdThreads: 1 });
    expect(two).toMatchObject({ detail: '2 threads', threads: 2, simdThreads: 2 });
    // Residual's kernels split work by whole outputs, XNNPACK by output tiles: the sums never change order.
    expect({ losses: two.losses, weights: two.weights }).toEqual({ losses: one.losses, weights: one.weights });
  });

  it('refuses a thread count outside 1–8 with the rule and the fix', () => {
    expect(() => useWasmThreads(0)).toThrow('useWasmThreads: threads must be an integer from 1 to 8, but got 0. Pass e.g. 2, or nothing for every core.');
  });
});
