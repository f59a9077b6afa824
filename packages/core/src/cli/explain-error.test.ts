import { describe, expect, it } from 'vitest';
import { explainError } from './explain-error.js';

describe('explainError', () => {
  it("turns the wasm runtime's out-of-memory errors into advice", () => {
    expect(explainError(new Error('memory access out of bounds'), 'wasm')).toBe(
      'memory: the wasm backend must fit the step\'s tensors in its heap (at most 4 GB for wasm), but it ran out (memory access out of bounds). ' +
        'Lower --batch-size (a ResNet-20 step at batch 128 needs about 2 GB), or use a GPU backend.',
    );
  });

  it('passes other messages through', () => {
    expect(explainError(new Error('data: x must be a folder'), 'cpu')).toBe('data: x must be a folder');
  });
});
