/**
 * Padding of a convolution or pooling window:
 * - `'same'`: TensorFlow's rule, output = ceil(H / S) (zeros added, more at the bottom/right);
 * - `'valid'`: no padding, output = floor((H − K) / S) + 1;
 * - a number P: P zeros on every side (PyTorch's rule), output = floor((H + 2P − K) / S) + 1.
 */
export type Padding = 'same' | 'valid' | number;

/** Options of {@link convOutputSize}: one spatial axis of a conv or pooling window. */
export interface OutputSizeOptions {
  /** window size K along this axis */
  kernelSize: number;
  /** step S (default 1) */
  stride?: number;
  /** `'same'`, `'valid'` (default) or a number of zeros per side */
  padding?: Padding;
  /** dilation D (default 1): the window covers D·(K − 1) + 1 input positions */
  dilation?: number;
}

function checkNatural(what: string, value: number, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new RangeError(
      `convOutputSize: ${what} must be an integer ≥ ${minimum}, but got ${value}. Pass a whole number.`,
    );
  }
}

/**
 * The effective size of a dilated window: D·(K − 1) + 1.
 *
 * @example
 * ```ts
 * effectiveKernelSize(3, 2); // 5
 * ```
 */
export function effectiveKernelSize(kernelSize: number, dilation = 1): number {
  return dilation * (kernelSize - 1) + 1;
}

/**
 * The output size of a convolution or pooling window along one spatial axis; the run-time twin
 * of the type {@link ConvOutputSize}. Returns a number ≤ 0 never: a window that does not fit
 * throws.
 *
 * @param size - input size H along the axis
 * @param options - kernel size K, stride S, padding, dilation D
 * @returns `'same'`: ceil(H / S); `'valid'`: floor((H − K′) / S) + 1; number P:
 *   floor((H + 2P − K′) / S) + 1, where K′ = D·(K − 1) + 1
 * @throws RangeError when the window is larger than the (padded) input
 * @example
 * ```ts
 * convOutputSize(224, { kernelSize: 7, stride: 2, padding: 3 }); // 112 (ResNet stem)
 * convOutputSize(32, { kernelSize: 3, stride: 2, padding: 'same' }); // 16
 * convOutputSize(32, { kernelSize: 3, padding: 'valid' }); // 30
 * ```
 */
export function convOutputSize(size: number, options: OutputSizeOptions): number {
  const { kernelSize, stride = 1, padding = 'valid', dilation = 1 } = options;
  checkNatural('size', size, 1);
  checkNatural('kernelSize', kernelSize, 1);
  checkNatural('stride', stride, 1);
  checkNatural('dilation', dilation, 1);
  if (padding === 'same') return Math.ceil(size / stride);
  const pad = padding === 'valid' ? 0 : padding;
  checkNatural('padding', pad, 0);
  const span = size + 2 * pad - effectiveKernelSize(kernelSize, dilation);
  if (span < 0) {
    throw new RangeError(
      `convOutputSize: the window must fit the padded input, but got kernel ${effectiveKernelSize(kernelSize, dilation)} > ${size + 2 * pad}. Use padding 'same', a smaller kernel or a larger input.`,
    );
  }
  return Math.floor(span / stride) + 1;
}
