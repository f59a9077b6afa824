import { describe, expect, it } from 'vitest';
import { assertGemmTile, gemmTileNames, gemmTiles, tileThreads } from './gemm-tile.js';
import { tiledGemmWgsl } from './tiled-gemm-wgsl.js';

describe('gemm tiles', () => {
  it.each(gemmTileNames)('%s: 64 or 256 threads, at most 16 KiB of workgroup memory', (name) => {
    const tile = gemmTiles[name];
    expect(() => assertGemmTile(tile)).not.toThrow();
    expect([64, 256]).toContain(tileThreads(tile).count);
    expect((tile.depth * (tile.rows + tile.cols) * 4) / 1024).toBeLessThanOrEqual(16);
  });

  it('rejects a tile whose loads do not divide evenly between its threads', () => {
    const tile = { rows: 32, cols: 32, depth: 4, rowsPerThread: 4, colsPerThread: 4 };
    expect(() => assertGemmTile(tile)).toThrow(
      'assertGemmTile: a tile must have sizes that are positive multiples of 4 and depth·rows/4 and depth·cols/4 ' +
        'divisible by its 64 threads, but got {"rows":32,"cols":32,"depth":4,"rowsPerThread":4,"colsPerThread":4}. Use one of gemmTiles.',
    );
  });

  it('the generator refuses an inner split that is not a whole number of tile steps', () => {
    const operand = { width: 1, along: 'inner' } as const;
    expect(() => tiledGemmWgsl({ tile: gemmTiles.small, a: operand, b: operand, innerChunk: 24, z: 'split', operands: '' })).toThrow(
      'tiledGemmWgsl: innerChunk must be a positive multiple of the tile depth 16, but got 24. Round it up with Math.ceil(chunk / depth) * depth.',
    );
  });

  it('each thread accumulates rowsPerThread × colsPerThread outputs and stores each group of 4 once', () => {
    const operand = { width: 4, along: 'outer' } as const;
    for (const name of gemmTileNames) {
      const tile = gemmTiles[name];
      const source = tiledGemmWgsl({ tile, a: operand, b: operand, innerChunk: 32, z: 'split', operands: '' });
      expect(source.match(/var acc\d+_\d+ = vec4<f32>\(0\.0\);/g)).toHaveLength((tile.rowsPerThread * tile.colsPerThread) / 4);
      expect(source.match(/storeC\(/g)).toHaveLength((tile.rowsPerThread * tile.colsPerThread) / 4);
    }
  });
});
