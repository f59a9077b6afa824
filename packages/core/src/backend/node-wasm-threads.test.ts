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
  losses: string[];
  weights: string;
  lossValues: number[];
}

async function trainOn(threads: number): Promise<Run> {
  const { stdout } = await run(process.execPath, ['--conditions=@residual/source', '--import', 'tsx', step, String(threads)], { timeout: 120_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Run;
}

describe('useWasmThreads', () => {
  it('runs wasm on 2 threads in Node, bit for bit the same on every run, and as on 1 thread up to rounding', async () => {
    const [one, two, again] = await Promise.all([trainOn(1), trainOn(2), trainOn(2)]);
    expect(one).toMatchObject({ detail: '1 thread', threads: 1 });
    expect(two).toMatchObject({ detail: '2 threads', threads: 2 });
    expect({ losses: again.losses, weights: again.weights }).toEqual({ losses: two.losses, weights: two.weights });
    // One thread runs Residual's SIMD convolutions, more run XNNPACK's: other summation orders.
    two.lossValues.forEach((loss, step) => expect(Math.abs(loss - (one.lossValues[step] ?? Number.NaN))).toBeLessThan(1e-4 * Math.abs(loss)));
  });

  it('refuses a thread count outside 1–8 with the rule and the fix', () => {
    expect(() => useWasmThreads(0)).toThrow('useWasmThreads: threads must be an integer from 1 to 8, but got 0. Pass e.g. 2, or nothing for every core.');
  });
});
