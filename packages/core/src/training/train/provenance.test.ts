import { cpus } from 'node:os';
import { describe, expect, it } from 'vitest';
import { describeDevice } from './provenance.js';

describe('describeDevice', () => {
  const cpu = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`;

  it('names the CPU, the backend and its threads on the CPU backends', () => {
    expect(describeDevice('wasm', '1 thread')).toBe(`${cpu} (wasm, 1 thread)`);
    expect(describeDevice('cpu')).toBe(`${cpu} (cpu)`);
  });

  it('names the GPU adapter on a GPU backend', () => {
    expect(describeDevice('webgpu', 'NVIDIA H100 80GB HBM3')).toBe('NVIDIA H100 80GB HBM3');
  });
});
