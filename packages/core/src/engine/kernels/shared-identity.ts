import * as tf from '@tensorflow/tfjs-core';
import type { KernelBackend, KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import { stockKernel } from './stock-kernels.js';

/**
 * Residual's `Identity` for the wasm backend: the result shares the input's memory (one more
 * reference), as TF.js's cpu backend and wasm's own `Reshape` already do, instead of copying it.
 * TF.js tensors are never written in place, so sharing is safe; a ResNet-20 training step calls
 * `Identity` ~460 times (gradient bookkeeping, `tf.clone`), which on wasm copied ~77 ms of memory.
 * Strings go to the stock kernel.
 *
 * @param backendName - `'wasm'` (any backend whose `incRef` keeps shared data alive).
 * @returns the kernel config to pass to `tf.registerKernel`.
 * @example
 * tf.registerKernel(sharedIdentityConfig('wasm'));
 * tf.clone(x); // no copy
 */
export function sharedIdentityConfig(backendName: string): KernelConfig {
  return {
    kernelName: tf.Identity,
    backendName,
    kernelFunc: (args) => {
      const x = args.inputs['x'] as TensorInfo;
      if (x.dtype === 'string') {
        const stock = stockKernel(tf.Identity, backendName);
        if (stock === undefined) throw new Error(`Identity: backend '${backendName}' must ship a stock Identity kernel, but got none. Use a TF.js 4.22 backend.`);
        return stock.kernelFunc(args);
      }
      (args.backend as KernelBackend).incRef(x.dataId);
      return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
    },
  };
}

/**
 * Residual's `Cast` for the wasm backend: a cast to the dtype the tensor already has (TF.js's ReLU
 * gradient casts its float32 mask to float32) shares memory like {@link sharedIdentityConfig}; a
 * real conversion goes to the stock kernel.
 *
 * @param backendName - `'wasm'`.
 * @returns the kernel config to pass to `tf.registerKernel`.
 * @example
 * tf.registerKernel(sharedCastConfig('wasm'));
 * tf.cast(x, 'float32'); // x float32: no copy
 */
export function sharedCastConfig(backendName: string): KernelConfig {
  return {
    kernelName: tf.Cast,
    backendName,
    kernelFunc: (args) => {
      const x = args.inputs['x'] as TensorInfo;
      if (x.dtype !== 'string' && x.dtype === args.attrs?.['dtype']) {
        (args.backend as KernelBackend).incRef(x.dataId);
        return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
      }
      const stock = stockKernel(tf.Cast, backendName);
      if (stock === undefined) throw new Error(`Cast: backend '${backendName}' must ship a stock Cast kernel, but got none. Use a TF.js 4.22 backend.`);
      return stock.kernelFunc(args);
    },
  };
}
