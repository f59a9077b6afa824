/** Activations the fused epilogue applies (TF.js's `FusedConv2D` names, less `prelu`). */
export const epilogueActivations = ['linear', 'relu', 'relu6', 'elu', 'leakyrelu', 'sigmoid'] as const;

/** One of {@link epilogueActivations}. */
export type EpilogueActivation = (typeof epilogueActivations)[number];

/** What happens to four outputs of a convolution before they are stored. */
export interface Epilogue {
  readonly activation: EpilogueActivation;
  /** Add `bias[col]` (input buffer `bias`, one value per output channel) first. */
  readonly bias: boolean;
  /** Slope below zero of `leakyrelu`. */
  readonly alpha?: number;
  /**
   * Add `residual[row, col]` (input buffer `residual`, the output's shape) after the bias, before
   * the activation: a residual block's `relu(bn(conv(x)) + shortcut)` in the convolution's store.
   */
  readonly residual?: boolean;
}

/** True when `name` is an activation the epilogue implements. */
export function isEpilogueActivation(name: string): name is EpilogueActivation {
  return (epilogueActivations as readonly string[]).includes(name);
}

/** The activation applied to `v: vec4<f32>`, as TF.js's cpu backend defines it. */
function activationWgsl(epilogue: Epilogue): string {
  const zero = 'vec4<f32>(0.0)';
  switch (epilogue.activation) {
    case 'linear':
      return 'v';
    case 'relu':
      return `max(v, ${zero})`;
    case 'relu6':
      return `clamp(v, ${zero}, vec4<f32>(6.0))`;
    case 'elu':
      return `select(exp(v) - vec4<f32>(1.0), v, v >= ${zero})`;
    case 'leakyrelu':
      return `select(v * f32(${epilogue.alpha ?? 0.2}), v, v >= ${zero})`;
    case 'sigmoid':
      return 'vec4<f32>(1.0) / (vec4<f32>(1.0) + exp(-v))';
  }
}

/** Four values of a `[rows, channels]` buffer from `col` on: one `vec4` read, or one at a time (zero past the last channel). */
function rowValues(buffer: string, channels: number, offset: string): string {
  return channels % 4 === 0
    ? `${buffer}[(${offset}col) / 4]`
    : `vec4<f32>(${[0, 1, 2, 3].map((c) => `select(0.0, ${buffer}[${offset}min(col + ${c}, ${channels - 1})], col + ${c} < ${channels})`).join(', ')})`;
}

/**
 * WGSL `fn epilogue(value: vec4<f32>, row: i32, col: i32) -> vec4<f32>` for outputs col … col + 3
 * of a row: adds the bias and the residual (when asked) and applies the activation. With
 * `channels % 4 === 0` the buffers are read as `vec4<f32>`, else one value at a time.
 *
 * @param epilogue - bias, residual and activation.
 * @param channels - output channels (length of the bias, row length of the residual).
 * @returns WGSL source.
 * @example
 * epilogueWgsl({ activation: 'relu', bias: true, residual: true }, 64);
 */
export function epilogueWgsl(epilogue: Epilogue, channels: number): string {
  const terms = [
    'value',
    ...(epilogue.bias ? [rowValues('bias', channels, '')] : []),
    ...(epilogue.residual === true ? [rowValues('residual', channels, `row * ${channels} + `)] : []),
  ];
  return `
fn epilogue(value: vec4<f32>, row: i32, col: i32) -> vec4<f32> {
  let v = ${terms.join(' + ')};
  return ${activationWgsl(epilogue)};
}`;
}
