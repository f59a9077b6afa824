import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTar } from './__fixtures__/tar-writer.js';
import { readTar } from './tar-reader.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('readTar', () => {
  it('reads regular files, skips directories, and keeps their bytes', () => {
    const big = new Uint8Array(1300).map((_, i) => i % 251);
    const archive = writeTar([
      { path: 'cifar-10-batches-bin/', bytes: new Uint8Array(), type: '5' },
      { path: 'cifar-10-batches-bin/a.txt', bytes: bytes('hello') },
      { path: 'cifar-10-batches-bin/b.bin', bytes: big },
    ]);
    const entries = readTar(archive, 'test.tar');
    expect(entries.map((entry) => entry.path)).toEqual(['cifar-10-batches-bin/a.txt', 'cifar-10-batches-bin/b.bin']);
    expect(new TextDecoder().decode(entries[0]!.bytes)).toBe('hello');
    expect(Array.from(entries[1]!.bytes)).toEqual(Array.from(big));
  });

  it('reads an archive written by GNU tar (the test needs a tar binary), long names included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'residual-tar-'));
    const long = `${'deep/'.repeat(25)}file.bin`;
    await mkdir(join(dir, 'src', ...long.split('/').slice(0, -1)), { recursive: true });
    await writeFile(join(dir, 'src', long), bytes('long name'));
    await writeFile(join(dir, 'src', 'short.txt'), bytes('short'));
    execFileSync('tar', ['--format=gnu', '-cf', join(dir, 'out.tar'), '-C', join(dir, 'src'), 'short.txt', long]);
    const entries = readTar(new Uint8Array(await readFile(join(dir, 'out.tar'))), 'out.tar');
    expect(entries.map((entry) => [entry.path, new TextDecoder().decode(entry.bytes)])).toEqual([
      ['short.txt', 'short'],
      [long, 'long name'],
    ]);
  });

  it('names the byte offset of a damaged header', () => {
    const archive = writeTar([{ path: 'a.txt', bytes: bytes('x') }, { path: 'b.txt', bytes: bytes('y') }]);
    archive[1024 + 10] = 0x41; // corrupt the second header's name
    expect(() => readTar(archive, 'broken.tar')).toThrow(
      /^readTar: broken.tar must hold valid tar headers, but the header at byte offset 1024 has checksum \d+ \(computed \d+\)\. The archive is damaged: download it again\.$/,
    );
  });

  it('refuses paths that climb out of the destination', () => {
    const archive = writeTar([{ path: '../evil.bin', bytes: bytes('x') }]);
    expect(() => readTar(archive, 'evil.tar')).toThrow('readTar: evil.tar must hold relative paths, but got ../evil.bin at byte offset 0. Refusing to extract it.');
  });

  it('names a truncated archive', () => {
    const archive = writeTar([{ path: 'a.bin', bytes: new Uint8Array(2000) }]);
    expect(() => readTar(archive.subarray(0, 1024), 'short.tar')).toThrow(
      'readTar: short.tar is truncated inside the file whose header is at byte offset 0. Download it again.',
    );
  });
});
