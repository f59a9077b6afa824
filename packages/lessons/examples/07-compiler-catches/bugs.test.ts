import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureCompilerErrors } from '../../src/generate/compiler-errors.js';
import type { CompilerErrorCapture } from '../../src/lesson-data-types.js';
import { useCpuBackend } from '../shared/use-cpu-backend.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let captures: Record<string, CompilerErrorCapture> = {};

beforeAll(async () => {
  await useCpuBackend();
  captures = captureCompilerErrors(join(root, 'bugs'), root, join(root, 'tsconfig.json'));
}, 120_000);

// One bug, one error: each file fails at its line with the message that names the fix.
const expected: Record<string, { line: number; text: string }> = {
  'dropped-shortcut': { line: 13, text: 'but got [N,16,16,128] and [N,32,32,64] — project the second input with a shortcut conv (1×1 conv, stride 2, 64→128)' },
  'block-identity-stride2': { line: 9, text: "main branch [N,16,16,128] vs identity shortcut [N,32,32,64] — use shortcut: 'projection'" },
  'conv3x3-downsample': { line: 13, text: 'but got [N,16,16,128] and [N,15,15,128]' },
  'stem-no-padding': { line: 16, text: "Type '55' is not assignable to type '56'." },
};

describe('lesson 7: the bugs fail to compile, each with one error', () => {
  it('has exactly the expected bug files', () => {
    expect(Object.keys(captures).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [id, { line, text }] of Object.entries(expected)) {
    it(`bugs/${id}.ts: TS2345 at line ${line}`, () => {
      const diagnostics = captures[id]?.diagnostics ?? [];
      expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.line])).toEqual([[2345, line]]);
      expect(diagnostics[0]?.message).toContain(text);
      expect(captures[id]?.regions['bug']).toBeDefined();
    });
  }
});

/** Runs a bug file as plain JavaScript (types stripped); the path is built so tsc does not follow it. */
const runBug = (id: string): Promise<Record<string, { shape: unknown }>> => import(`../../bugs/${id}.ts`);

describe('lesson 7: the same bugs from plain JavaScript', () => {
  it('a shape mismatch at an add throws with the same words at run time', async () => {
    await expect(runBug('dropped-shortcut')).rejects.toThrow('[N,16,16,128] and [N,32,32,64]');
    await expect(runBug('conv3x3-downsample')).rejects.toThrow('[N,16,16,128] and [N,15,15,128]');
    await expect(runBug('block-identity-stride2')).rejects.toThrow("use shortcut: 'projection'");
  });

  it('the unpadded stem builds without complaint at run time: only the type of layer1 catches it', async () => {
    const module = await runBug('stem-no-padding');
    expect(module['features']?.shape).toEqual([null, 55, 55, 64]);
  });
});
