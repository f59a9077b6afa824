import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { patchTarHeader, tarFields, writeTar } from './__fixtures__/tar-writer.js';
import { cifar10Files, extractCifar10, md5Hex } from './download-cifar10.js';
import { readTar } from './tar-reader.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const twoFiles = () => writeTar([{ path: 'a.txt', bytes: bytes('hello') }, { path: 'b.bin', bytes: new Uint8Array(700).fill(7) }]);

/**
 * Runs readTar on an archive in a separate Node process with a time limit, so that a reader that
 * loops forever fails the test instead of hanging it.
 */
function readTarInChild(archive: Uint8Array): { status: number | null; timedOut: boolean; output: string } {
  const reader = fileURLToPath(new URL('./tar-reader.ts', import.meta.url));
  const script = `
    import { readTar } from ${JSON.stringify(reader)};
    const archive = Buffer.from(${JSON.stringify(Buffer.from(archive).toString('base64'))}, 'base64');
    try { console.log(JSON.stringify(readTar(new Uint8Array(archive), 'hostile.tar').map((entry) => entry.path))); }
    catch (error) { console.log(error.message); }`;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, timedOut: result.error !== undefined, output: `${result.stdout}${result.stderr}`.trim() };
}

describe('readTar on malformed archives ends in bounded time with a clear error', () => {
  it('a negative size field with a valid checksum (it looped forever)', () => {
    const archive = patchTarHeader(twoFiles(), 0, tarFields.size, '-0001000\0');
    const result = readTarInChild(archive);
    expect(result.timedOut, 'readTar did not end within 20 s').toBe(false);
    expect(result.output).toBe(
      'readTar: hostile.tar must hold octal numbers in its headers, but the size field of the header at byte offset 0 is "-0001000". The archive is damaged: download it again.',
    );
  });

  it.each([
    ['not a number', 'zzzzzzzzzzz\0', 'the size field of the header at byte offset 0 is "zzzzzzzzzzz"'],
    ['a number past the end', '77777777777\0', 'is truncated inside the file whose header is at byte offset 0'],
  ])('a size field that is %s', (_, size, message) => {
    expect(() => readTar(patchTarHeader(twoFiles(), 0, tarFields.size, size), 'hostile.tar')).toThrow(message);
  });

  it('reads a GNU base-256 size, and refuses a negative one', () => {
    const archive = writeTar([{ path: 'a.txt', bytes: bytes('hello') }]);
    const positive = patchTarHeader(archive, 0, tarFields.size, Uint8Array.from([0x80, ...new Array(10).fill(0), 5]));
    expect(readTar(positive, 'gnu.tar').map((entry) => new TextDecoder().decode(entry.bytes))).toEqual(['hello']);
    const negative = patchTarHeader(archive, 0, tarFields.size, Uint8Array.from(new Array(12).fill(0xff)));
    expect(() => readTar(negative, 'gnu.tar')).toThrow('readTar: gnu.tar must hold non-negative sizes in its headers, but the header at byte offset 0 has a negative base-256 size. The archive is damaged: download it again.');
  });

  it('property: random and mutated archives end with entries of safe relative paths or a readTar error, never anything else', () => {
    const safe = (path: string) => !path.startsWith('/') && !path.split('/').includes('..') && !path.includes('\0');
    const check = (archive: Uint8Array) => {
      try {
        for (const entry of readTar(archive, 'fuzz.tar')) expect(safe(entry.path), entry.path).toBe(true);
      } catch (error) {
        expect((error as Error).message).toMatch(/^readTar: fuzz\.tar /);
      }
    };
    const field = fc.constantFrom(...Object.values(tarFields));
    const text = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('-1', '-0001000', '77777777777', '99999999999', ' 12 ', '1e3', 'NaN', '../../etc/x', '/abs', 'a/../../b', 'L', 'x', '5', '1', '2', '\0'),
      fc.uint8Array({ maxLength: 12 }),
    );
    fc.assert(fc.property(fc.uint8Array({ maxLength: 3000 }), check), { numRuns: 300 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ path: fc.stringMatching(/^[a-z]{1,8}(\/[a-z]{1,8}){0,2}$/), bytes: fc.uint8Array({ maxLength: 1500 }), type: fc.constantFrom('0', '5', 'L', 'x', '2') }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.record({ header: fc.nat(), field, value: text }), { maxLength: 4 }),
        fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { maxLength: 6 }),
        (files, patches, flips) => {
          let archive = writeTar(files);
          const headers = archive.length / 512;
          for (const patch of patches) archive = patchTarHeader(archive, (patch.header % headers) * 512, patch.field, patch.value);
          for (const flip of flips) archive[flip.at % archive.length] = flip.value;
          check(archive);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('property: extracting a hostile archive never writes outside the destination', async () => {
    const work = await mkdtemp(join(tmpdir(), 'residual-untar-'));
    let round = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ path: fc.constantFrom('../data_batch_1.bin', '/tmp/data_batch_2.bin', 'a/../../test_batch.bin', 'x/batches.meta.txt', 'data_batch_3.bin'), bytes: fc.uint8Array({ maxLength: 64 }) }), { maxLength: 5 }),
        async (hostile) => {
          const parent = join(work, `round-${round++}`);
          await mkdir(parent);
          const dir = join(parent, 'cifar');
          const legit = cifar10Files.map((file) => ({ path: `cifar-10-batches-bin/${file}`, bytes: bytes(file) }));
          const archive = gzipSync(writeTar([...hostile, ...legit]));
          const extracted = await extractCifar10(archive, dir, md5Hex(archive)).then(
            () => true,
            (error: Error) => (expect(error.message).toMatch(/^readTar: /), false),
          );
          // Only the destination, holding only the files it should, or nothing at all.
          expect(await readdir(parent)).toEqual(extracted ? ['cifar'] : []);
          if (extracted) expect((await readdir(dir)).sort()).toEqual([...cifar10Files].sort());
        },
      ),
      { numRuns: 40 },
    );
    expect((await readdir(work)).every((name) => name.startsWith('round-'))).toBe(true);
  });
});
