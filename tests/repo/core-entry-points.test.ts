import * as all from '@residual/core';
import * as engine from '@residual/core/engine';
import * as model from '@residual/core/model';
import * as testing from '@residual/core/testing';
import * as training from '@residual/core/training';
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const coreDir = dirname(createRequire(import.meta.url).resolve('@residual/core/package.json'));

/**
 * The modules of @residual/core (paths from its folder, `src/…`) that a browser bundle of `entry`
 * reads: esbuild's module graph, with the source condition, as a bundler sees the package.
 */
async function coreModules(entry: string): Promise<string[]> {
  const result = await build({
    stdin: { contents: `export * from '${entry}';`, resolveDir: coreDir, loader: 'ts' },
    absWorkingDir: coreDir,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['@residual/source'],
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs).filter((path) => path.startsWith('src/')).sort();
}

/** Modules outside src/model/ that `./model` may read, each for its reason. */
const modelMayRead = [
  'src/model.ts', // the entry itself
  'src/engine/backend/default-backend.ts', // every entry registers TF.js's cpu backend, so models build with no setup
  'src/engine/ops/multiply-add.ts', // batch norm's training gradient: a·x + y in one kernel (an op, no kernel of Residual's)
];

const names = (entry: object) => Object.keys(entry).sort();

const entryPoints = ['@residual/core', '@residual/core/model', '@residual/core/training', '@residual/core/engine', '@residual/core/testing', '@residual/core/node'];

describe("@residual/core's entry points: four jobs, one import each", () => {
  it("'.' is /model, /training and /engine together, each name in one of them, and no test helper", () => {
    const owners = [names(model), names(training), names(engine)];
    const union = owners.flat().sort();
    expect(new Set(union).size, 'a name exported by two of /model, /training, /engine').toBe(union.length);
    expect(names(all)).toEqual(union);
    expect(names(testing).filter((name) => name in all)).toEqual([]);
    expect(names(testing)).toEqual(
      expect.arrayContaining(['compareConvKernel', 'compareKernel', 'convCaseArbitrary', 'maxRelativeError', 'randomizeBatchNorms', 'reduceCaseArbitrary', 'seededTensor']),
    );
  });

  it('/model reads the model code alone: no kernels, no backend selection, no training, no inference', async () => {
    const modules = await coreModules('@residual/core/model');
    expect(modules.filter((path) => !path.startsWith('src/model/') && !modelMayRead.includes(path))).toEqual([]);
    expect(modules).toContain('src/model/models/builders.ts');
  });

  it('the browser entries read no test helper and no CLI', async () => {
    for (const entry of ['@residual/core', '@residual/core/training', '@residual/core/engine']) {
      const modules = await coreModules(entry);
      expect(modules.length, entry).toBeGreaterThan(0);
      expect(modules.filter((path) => path.startsWith('src/testing/') || path.startsWith('src/cli/') || path.includes('__fixtures__')), entry).toEqual([]);
    }
  });

  it('each entry point loads first and alone, in a fresh Node process (as tsx runs the sources)', () => {
    const testsDir = dirname(dirname(fileURLToPath(import.meta.url)));
    for (const entry of entryPoints) {
      const run = spawnSync(process.execPath, ['--conditions=@residual/source', '--import', 'tsx', '--input-type=module', '-e', `await import('${entry}');`], {
        cwd: testsDir,
        encoding: 'utf8',
      });
      expect({ entry, status: run.status, errors: run.stderr.split('\n').filter((line) => /Error/.test(line)) }).toEqual({ entry, status: 0, errors: [] });
    }
  });

  it('a bundle of /model reads a fraction of what one of . reads', async () => {
    const [whole, modelOnly] = await Promise.all([coreModules('@residual/core'), coreModules('@residual/core/model')]);
    expect(modelOnly.length * 3).toBeLessThan(whole.length);
  });
});
