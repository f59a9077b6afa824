/** Messages of the wasm runtime when its heap (at most 4 GB) cannot hold the tensors. */
const wasmOutOfMemory = /memory access out of bounds|Aborted\(OOM\)|Cannot enlarge memory|Maximum memory size exceeded|Out of memory|Invalid typed array length/i;

/**
 * The one paragraph the CLI prints for a failure: the error's own message, or for the cryptic
 * wasm out-of-memory errors, what happened and what to change.
 *
 * @param error - anything thrown.
 * @param backend - the active TF.js backend, if any.
 * @returns the message.
 * @example
 * explainError(new WebAssembly.RuntimeError('memory access out of bounds'), 'wasm');
 * // 'memory: the wasm backend ran out of memory …'
 */
export function explainError(error: unknown, backend: string | undefined): string {
  const message = (error instanceof Error ? error.message : String(error)).trim();
  if (wasmOutOfMemory.test(message)) {
    return (
      `memory: the ${backend ?? 'wasm'} backend must fit the step's tensors in its heap (at most 4 GB for wasm), but it ran out (${message}). ` +
      'Lower --batch-size (a ResNet-20 step at batch 128 needs about 2 GB), or use a GPU backend.'
    );
  }
  return message;
}
