import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { isReplaced, saveStockKernel, stockKernel, takeStockKernels } from './stock-kernels.js';

// A made-up backend name: the kernel registry is keyed by names, no backend has to exist.
const backend = 'stock-kernels-test';
const stock: tf.KernelConfig = { kernelName: 'Sum', backendName: backend, kernelFunc: () => [] };
const ours: tf.KernelConfig = { kernelName: 'Sum', backendName: backend, kernelFunc: () => [] };

describe('stock kernels', () => {
  it('remembers the shipped kernel once, answers with it after a replacement, and gives it back once', () => {
    tf.registerKernel(stock);
    expect(stockKernel('Sum', backend)).toBe(stock); // nothing saved: the registry's
    saveStockKernel('Sum', backend);
    tf.unregisterKernel('Sum', backend);
    tf.registerKernel(ours);
    saveStockKernel('Sum', backend); // a second save keeps the first
    expect(isReplaced('Sum', backend)).toBe(true);
    expect(stockKernel('Sum', backend)).toBe(stock);
    expect(takeStockKernels(backend)).toEqual([{ kernelName: 'Sum', stock }]);
    expect(takeStockKernels(backend)).toEqual([]);
    expect(isReplaced('Sum', backend)).toBe(false);
    tf.unregisterKernel('Sum', backend);
  });

  it('records a kernel the backend never shipped as undefined', () => {
    saveStockKernel('Conv2DBackpropFilter', backend);
    expect(isReplaced('Conv2DBackpropFilter', backend)).toBe(true);
    expect(stockKernel('Conv2DBackpropFilter', backend)).toBeUndefined();
    expect(takeStockKernels(backend)).toEqual([{ kernelName: 'Conv2DBackpropFilter', stock: undefined }]);
  });
});
