/** One regular file of a tar archive. */
export interface TarEntry {
  /** The path inside the archive, with `/` separators. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

const decoder = new TextDecoder();

function field(block: Uint8Array, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const end = raw.indexOf(0);
  return decoder.decode(end === -1 ? raw : raw.subarray(0, end));
}

function octal(block: Uint8Array, start: number, length: number): number {
  const text = field(block, start, length).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

/** Parses a pax extended header's `length key=value\n` records. */
function paxRecords(bytes: Uint8Array): Map<string, string> {
  const records = new Map<string, string>();
  const text = decoder.decode(bytes);
  let offset = 0;
  while (offset < text.length) {
    const space = text.indexOf(' ', offset);
    const length = parseInt(text.slice(offset, space), 10);
    if (!(length > 0) || space === -1) break;
    const record = text.slice(space + 1, offset + length - 1);
    const equals = record.indexOf('=');
    if (equals > 0) records.set(record.slice(0, equals), record.slice(equals + 1));
    offset += length;
  }
  return records;
}

/**
 * Reads the regular files of an uncompressed tar archive (POSIX ustar, with GNU long names and pax
 * paths), without a shell or native `tar`. Directories, links and devices are skipped; paths that
 * are absolute or climb out with `..` are rejected.
 *
 * @param archive - the whole `.tar` (gunzip a `.tar.gz` first).
 * @param source - the archive's name, for error messages.
 * @returns the files in archive order (their bytes are views into `archive`).
 * @throws Error naming the byte offset of a damaged header.
 * @example
 * const files = readTar(gunzipSync(await readFile('cifar-10-binary.tar.gz')), 'cifar-10-binary.tar.gz');
 */
export function readTar(archive: Uint8Array, source: string): TarEntry[] {
  const entries: TarEntry[] = [];
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= archive.length) {
    const block = archive.subarray(offset, offset + 512);
    if (block.every((byte) => byte === 0)) break; // end-of-archive marker
    const stored = octal(block, 148, 8);
    let sum = 8 * 0x20;
    for (let i = 0; i < 512; i++) if (i < 148 || i >= 156) sum += block[i] ?? 0;
    if (stored !== sum) {
      throw new Error(
        `readTar: ${source} must hold valid tar headers, but the header at byte offset ${offset} has checksum ${stored} (computed ${sum}). ` +
          'The archive is damaged: download it again.',
      );
    }
    const size = octal(block, 124, 12);
    const type = String.fromCharCode(block[156] ?? 0);
    const body = archive.subarray(offset + 512, offset + 512 + size);
    if (body.length < size) {
      throw new Error(`readTar: ${source} is truncated inside the file whose header is at byte offset ${offset}. Download it again.`);
    }
    const prefix = field(block, 345, 155);
    const name = longName ?? (prefix === '' ? field(block, 0, 100) : `${prefix}/${field(block, 0, 100)}`);
    longName = undefined;
    if (type === 'L') longName = field(body, 0, body.length);
    else if (type === 'x') longName = paxRecords(body).get('path');
    else if (type === '0' || type === '\0') {
      if (name.startsWith('/') || name.split('/').includes('..')) {
        throw new Error(`readTar: ${source} must hold relative paths, but got ${name} at byte offset ${offset}. Refusing to extract it.`);
      }
      entries.push({ path: name, bytes: body });
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
}
