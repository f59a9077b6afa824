import { describe, expect, it } from 'vitest';
import { computingKernels, formatKernelTimes, kernelTimes } from './kernel-times.js';

describe('kernelTimes', () => {
  it('sums by kernel, slowest first, counting calls and not op scopes', () => {
    const times = kernelTimes([
      { name: 'Conv2D', kernelTimeMs: 2 },
      { name: 'Relu', kernelTimeMs: 0.25 },
      { name: 'Conv2D', kernelTimeMs: 3 },
      { name: 'Mean', kernelTimeMs: 1 },
      { name: 'fusedConv2d__op', kernelTimeMs: 5 }, // the scope around a Conv2D already counted
      { name: 'unnamed scope', kernelTimeMs: 4 }, // a tf.customGrad op's scope, likewise
    ]);
    expect(times).toEqual([
      { name: 'Conv2D', calls: 2, ms: 5 },
      { name: 'Mean', calls: 1, ms: 1 },
      { name: 'Relu', calls: 1, ms: 0.25 },
    ]);
  });

  it('says null when the backend timed nothing, and counts an error entry as zero otherwise', () => {
    expect(kernelTimes([{ name: 'Conv2D', kernelTimeMs: 0 }, { name: 'Add', kernelTimeMs: { error: 'no timer' } }])).toBeNull();
    expect(kernelTimes([])).toBeNull();
    expect(kernelTimes([{ name: 'Add', kernelTimeMs: { error: 'x' } }, { name: 'Add', kernelTimeMs: 1 }])).toEqual([{ name: 'Add', calls: 2, ms: 1 }]);
  });

  it('formats the kernels against the step time, slowest first', () => {
    const times = [{ name: 'Conv2D', calls: 2, ms: 5 }, { name: 'Mean', calls: 3, ms: 1 }, { name: 'Relu', calls: 1, ms: 0.5 }];
    expect(formatKernelTimes(times, 10, 2)).toBe('kernels 6.5 of 10.0 ms/step (65 %, 6 calls): Conv2D 2× 5.00 ms, Mean 3× 1.00 ms');
  });
});

describe('computingKernels', () => {
  it('keeps the records that do arithmetic, in order: no op scopes, no Identity or Reshape', () => {
    const records = ['Reshape', 'FusedConv2D', 'fusedConv2d__op', 'Identity', 'Add', 'unnamed scope', 'Relu'].map((name) => ({ name }));
    expect(computingKernels(records).map((record) => record.name)).toEqual(['FusedConv2D', 'Add', 'Relu']);
  });
});
