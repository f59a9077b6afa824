import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { lstat, mkdtemp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeTar } from './__fixtures__/tar-writer.js';
import { cifar10Files, cifar10Md5, downloadCifar10, extractCifar10, md5Hex } from './download-cifar10.js';
import { readCifar10 } from './read-cifar10.js';
import { encodeCifar10Batch } from './cifar10-binary.js';

/** A stand-in for the official archive: the same layout, two images per batch. */
function fakeArchive(): Uint8Array {
  const batch = (label: number) =>
    encodeCifar10Batch({ images: new Uint8Array(2 * 3072).map((_, i) => (i * 7 + label) % 256), labels: Uint8Array.from([label, 9 - label]), count: 2 });
  const files = cifar10Files.map((file, index) => ({
    path: `cifar-10-batches-bin/${file}`,
    bytes: file.endsWith('.txt') ? new TextEncoder().encode('airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n') : batch(index),
  }));
  return gzipSync(writeTar([{ path: 'cifar-10-batches-bin/readme.html', bytes: new Uint8Array(10) }, ...files]));
}

describe('CIFAR-10 download', () => {
  it('md5Hex matches the RFC 1321 test vectors', () => {
    expect(md5Hex(new Uint8Array())).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5Hex(new TextEncoder().encode('abc'))).toBe('900150983cd24fb0d6963f7d28e17f72');
  });

  it('verifies and extracts a .tar.gz without a shell, into a folder readCifar10 reads', async () => {
    const archive = fakeArchive();
    const dir = await mkdtemp(join(tmpdir(), 'residual-cifar-'));
    const written = await extractCifar10(archive, dir, md5Hex(archive));
    expect(written.map((path) => path.slice(dir.length + 1))).toEqual([...cifar10Files]);
    const data = await readCifar10(dir);
    expect(data.train.count).toBe(10);
    expect(data.test.count).toBe(2);
    expect(Array.from(data.test.labels)).toEqual([5, 4]);
  });

  it('refuses an archive whose checksum differs, saying what to do', async () => {
    const archive = fakeArchive();
    const dir = await mkdtemp(join(tmpdir(), 'residual-cifar-'));
    await expect(extractCifar10(archive, dir)).rejects.toThrow(
      `download: the CIFAR-10 archive must have MD5 ${cifar10Md5}, but got ${md5Hex(archive)} (MD5 mismatch: an incomplete or altered download). Delete it and run residual download cifar10 again.`,
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('downloads over HTTP, reports progress, keeps the archive and reuses it', async () => {
    const archive = fakeArchive();
    let requests = 0;
    const server = createServer((_, response) => {
      requests += 1;
      response.writeHead(200, { 'content-length': String(archive.length) });
      response.end(Buffer.from(archive));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cifar-10-binary.tar.gz`;
    const dir = await mkdtemp(join(tmpdir(), 'residual-cifar-'));
    const progress: number[] = [];
    try {
      await downloadCifar10(dir, { url, md5: md5Hex(archive), onProgress: (received) => progress.push(received) });
      await downloadCifar10(dir, { url, md5: md5Hex(archive) });
    } finally {
      server.close();
    }
    expect(requests).toBe(1);
    expect(progress.at(-1)).toBe(archive.length);
    expect(md5Hex(await readFile(join(dir, 'cifar-10-binary.tar.gz')))).toBe(md5Hex(archive));
    expect((await readCifar10(dir)).train.count).toBe(10);
  });

  it('explains an unreachable server in one paragraph', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'residual-cifar-'));
    await expect(downloadCifar10(dir, { url: 'http://127.0.0.1:9/cifar-10-binary.tar.gz' })).rejects.toThrow(
      /^download: http:\/\/127\.0\.0\.1:9\/cifar-10-binary\.tar\.gz must be reachable, but the request failed \(.+\)\. Check the network/,
    );
  });
});

/** A local server that answers every request with `handler`; closed (connections too) after `use`. */
async function withServer(handler: Parameters<typeof createServer>[1], use: (url: string) => Promise<void>): Promise<void> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}/cifar-10-binary.tar.gz`);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

describe('CIFAR-10 download against hostile folders and servers', () => {
  it('never writes through a symbolic link planted at the archive path', async () => {
    const archive = fakeArchive();
    const dir = await mkdtemp(join(tmpdir(), 'residual-cifar-'));
    const victim = join(await mkdtemp(join(tmpdir(), 'residual-victim-')), 'precious.txt');
    await writeFile(victim, 'do not overwrite');
    await symlink(victim, join(dir, 'cifar-10-binary.tar.gz'));
    const notes: string[] = [];
    await withServer((_, response) => response.end(Buffer.from(archive)), async (url) => {
      await downloadCifar10(dir, { url, md5: md5Hex(archive), onNote: (line) => notes.push(line) });
    });
    expect(await readFile(victim, 'utf8')).toBe('do not overwrite');
    expect((await lstat(join(dir, 'cifar-10-binary.tar.gz'))).isFile()).toBe(true);
    expect(notes).toEqual([`note: ${join(dir, 'cifar-10-binary.tar.gz')} is a symbolic link: the download replaces the link and leaves what it points to alone`]);
  });

  it('times out a server that stops sending, naming the URL and what to do', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'residual-cifar-'));
    await withServer(
      (_, response) => {
        response.writeHead(200, { 'content-length': '5000' });
        response.write(Buffer.alloc(1000));
      },
      async (url) => {
        await expect(downloadCifar10(dir, { url, md5: cifar10Md5, timeoutMs: 300 })).rejects.toThrow(
          `download: ${url} must keep sending data (a pause of at most 0.3 s), but it sent nothing more after 1,000 of 5,000 bytes. ` +
            `Check the network and run residual download cifar10 again, or download ${url} by hand into ${dir}.`,
        );
      },
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('times out a server that never answers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'residual-cifar-'));
    await withServer(() => {}, async (url) => {
      await expect(downloadCifar10(dir, { url, md5: cifar10Md5, timeoutMs: 300 })).rejects.toThrow(
        `download: ${url} must keep sending data (a pause of at most 0.3 s), but it sent nothing more after 0 bytes. `,
      );
    });
  });

  it('says a short body is one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'residual-cifar-'));
    await withServer(
      (_, response) => {
        response.writeHead(200, { 'content-length': '5000' });
        response.write(Buffer.alloc(1000), () => setTimeout(() => response.socket?.destroy(), 50));
      },
      async (url) => {
        await expect(downloadCifar10(dir, { url, md5: cifar10Md5 })).rejects.toThrow(
          new RegExp(`^download: ${url.replace(/[.]/g, '\\.')} must send the whole archive \\(5,000 bytes\\), but the connection ended after 1,000 bytes \\(.+\\)\\. Run residual download cifar10 again\\.$`),
        );
      },
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports a corrupt archive already in the folder as an MD5 mismatch, also when the network is down', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'residual-cifar-'));
    const archive = join(dir, 'cifar-10-binary.tar.gz');
    await writeFile(archive, 'half an archive');
    await expect(downloadCifar10(dir, { url: 'http://127.0.0.1:9/cifar-10-binary.tar.gz' })).rejects.toThrow(
      new RegExp(
        `^download: ${archive} must have MD5 ${cifar10Md5}, but got ${md5Hex(new TextEncoder().encode('half an archive'))} \\(MD5 mismatch: an incomplete or altered download\\); ` +
          'fetching a fresh copy failed too: http://127\\.0\\.0\\.1:9/cifar-10-binary\\.tar\\.gz must be reachable, but the request failed \\(.+\\)\\. ' +
          `Delete ${archive}, check the network and run residual download cifar10 again\\.$`,
      ),
    );
  });

  it('refuses a destination that is a file', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'residual-cifar-')), 'not-a-folder');
    await writeFile(file, '');
    await expect(downloadCifar10(file)).rejects.toThrow(`download: ${file} must be a folder (or a path to create), but it is a file (EEXIST). Choose another --dir.`);
  });
});
