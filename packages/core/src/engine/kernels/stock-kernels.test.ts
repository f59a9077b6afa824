import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { isReplaced, replaceKernel, restoreKernels, stockKernel } from './stock-kernels.js';

// A made-up backend name: the kernel registry is keyed by names, no backend has to exist.
const backend = 'stock-kernels-test';
const setupFunc = () => {};
const stock: tf.KernelConfig = { kernelName: 'Sum', backendName: backend, kernelFunc: () => [], setupFunc };
const ours: tf.KernelConfig = { kernelName: 'Sum', backendName: backend, kernelFunc: () => [] };
const later: tf.KernelConfig = { kernelName: 'Sum', backendName: backend, kernelFunc: () => [] };

describe('replaceKernel and restoreKernels', () => {
  it('replace the shipped kernel once, keep its setupFunc, answer with it, and put it back', () => {
    tf.registerKernel(stock);
    expect(stockKernel('Sum', backend)).toBe(stock); // nothing replaced: the registry's
    replaceKernel(ours);
    replaceKernel(later); // a second replacement keeps the first
    const registered = tf.getKernel('Sum', backend);
    expect(registered?.kernelFunc).toBe(ours.kernelFunc);
    expect(registered?.setupFunc).toBe(setupFunc); // the stock kernel's, for its hand-overs
    expect(isReplaced('Sum', backend)).toBe(true);
    expect(stockKernel('Sum', backend)).toBe(stock);
    restoreKernels(backend);
    expect(tf.getKernel('Sum', backend)).toBe(stock);
    expect(isReplaced('Sum', backend)).toBe(false);
    tf.unregisterKernel('Sum', backend);
  });

  it('add a kernel the backend never shipped, and remove it again', () => {
    const added: tf.KernelConfig = { kernelName: 'Conv2DBackpropFilter', backendName: backend, kernelFunc: () => [] };
    replaceKernel(added);
    expect(isReplaced('Conv2DBackpropFilter', backend)).toBe(true);
    expect(stockKernel('Conv2DBackpropFilter', backend)).toBeUndefined();
    expect(tf.getKernel('Conv2DBackpropFilter', backend)?.kernelFunc).toBe(added.kernelFunc);
    restoreKernels(backend);
    expect(tf.getKernel('Conv2DBackpropFilter', backend)).toBeUndefined();
  });
});
