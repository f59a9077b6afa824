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

/** Why a header is unusable: the archive's name, the rule, what was found. */
function damaged(source: string, rule: string, got: string): Error {
  return new Error(`readTar: ${source} must ${rule}, but ${got}. The archive is damaged: download it again.`);
}

/**
 * A numeric header field: octal digits (space- or NUL-padded), or for large sizes GNU's base-256
 * form (first byte 0x80, then a big-endian number). Anything else — a sign, other digits, a
 * negative base-256 number, more than 2^53 — is refused: a negative size would send the reader
 * backwards forever.
 */
function number(block: Uint8Array, start: number, length: number, what: string, offset: number, source: string): number {
  const first = block[start] as number; // start < 512
  if (first >= 0x80) {
    if (first !== 0x80) throw damaged(source, 'hold non-negative sizes in its headers', `the header at byte offset ${offset} has a negative base-256 ${what}`);
    let value = 0;
    for (let i = start + 1; i < start + length; i++) value = value * 256 + (block[i] as number);
    if (!Number.isSafeInteger(value)) throw damaged(source, 'hold sizes below 2^53 in its headers', `the header at byte offset ${offset} has a base-256 ${what} of ${value}`);
    return value;
  }
  const text = field(block, start, length).trim();
  if (!/^[0-7]*$/.test(text)) {
    throw damaged(source, 'hold octal numbers in its headers', `the ${what} field of the header at byte offset ${offset} is ${JSON.stringify(text)}`);
  }
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
 * @throws Error naming the byte offset of a damaged header (bad checksum, a size that is not a
 *   non-negative number, a file running past the end) or of an unsafe path. Any input ends in time
 *   proportional to its length.
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
    let sum = 8 * 0x20;
    for (let i = 0; i < 512; i++) if (i < 148 || i >= 156) sum += block[i] as number; // i < block.length
    const storedText = field(block, 148, 8).trim();
    const stored = /^[0-7]+$/.test(storedText) ? parseInt(storedText, 8) : Number.NaN;
    if (stored !== sum) {
      throw damaged(source, 'hold valid tar headers', `the header at byte offset ${offset} has checksum ${Number.isNaN(stored) ? JSON.stringify(storedText) : stored} (computed ${sum})`);
    }
    const size = number(block, 124, 12, 'size', offset, source);
    const type = String.fromCharCode(block[156] as number);
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
      if (name.startsWith('/') || name.split('/').includes('..') || name.includes('\0')) {
        throw new Error(`readTar: ${source} must hold relative paths, but got ${name} at byte offset ${offset}. Refusing to extract it.`);
      }
      entries.push({ path: name, bytes: body });
    }
    const next = offset + 512 + Math.ceil(size / 512) * 512;
    // size ≥ 0, so every header moves the reader forward: it ends after at most archive.length / 512 headers.
    if (!(next > offset)) throw new Error(`readTar: the next header must come after byte offset ${offset}, but got ${next}. This is a bug in readTar.`);
    offset = next;
  }
  return entries;
}
