/**
 * The zip operations the import needs, with Node's own zlib: the entries of
 * a zip from its central directory, one entry unpacked within a byte budget
 * (whatever sizes the directory claims), and entries packed unpacked
 * (stored) in a chosen order. fflate does the same in JavaScript, several
 * times slower on a workbook of ten thousand rows. ZIP64 is not read: an
 * .xlsx of 20 MB never needs it.
 */
import { crc32, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  /** The unpacked size the directory claims. */
  readonly size: number;
  readonly localOffset: number;
}

/** A zip this reader cannot read: damaged, cut short, of a kind it does not handle, or larger unpacked than allowed. */
export class ZipError extends Error {
  override readonly name = 'ZipError';

  constructor(
    message: string,
    readonly reason: 'damaged' | 'tooLarge' = 'damaged',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const endOfDirectory = 0x06054b50;
const directoryEntry = 0x02014b50;
const localHeader = 0x04034b50;
/** Bit 11 of the flags: the name is UTF-8. */
const utf8Names = 0x0800;

function within(bytes: Buffer, at: number, length: number): void {
  if (at < 0 || at + length > bytes.length) throw new ZipError(`zip record at ${at} runs past the end`);
}

/** The entries listed in the zip's central directory. */
export function zipEntries(bytes: Buffer): ZipEntry[] {
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (bytes.readUInt32LE(at) === endOfDirectory) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipError('no end of central directory');
  const count = bytes.readUInt16LE(end + 10);
  const offset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipError('ZIP64 is not supported');
  const entries: ZipEntry[] = [];
  for (let at = offset, index = 0; index < count; index += 1) {
    within(bytes, at, 46);
    if (bytes.readUInt32LE(at) !== directoryEntry) throw new ZipError(`bad directory entry at ${at}`);
    const nameLength = bytes.readUInt16LE(at + 28);
    within(bytes, at + 46, nameLength);
    entries.push({
      name: bytes.toString(bytes.readUInt16LE(at + 8) & utf8Names ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

/** One entry's bytes; refused beyond `maxBytes` unpacked, whatever the directory claimed. */
export function unpackEntry(bytes: Buffer, entry: ZipEntry, maxBytes: number): Buffer {
  within(bytes, entry.localOffset, 30);
  if (bytes.readUInt32LE(entry.localOffset) !== localHeader) throw new ZipError(`bad local header of ${entry.name}`);
  const start =
    entry.localOffset + 30 + bytes.readUInt16LE(entry.localOffset + 26) + bytes.readUInt16LE(entry.localOffset + 28);
  within(bytes, start, entry.compressedSize);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length > maxBytes) throw new ZipError(`${entry.name} is over the budget`, 'tooLarge');
    return data;
  }
  if (entry.method !== 8) throw new ZipError(`${entry.name}: compression method ${entry.method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (error) {
    const tooLarge = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
    throw new ZipError(`${entry.name}: ${(error as Error).message}`, tooLarge ? 'tooLarge' : 'damaged', {
      cause: error,
    });
  }
}

/** A zip of `parts` in this order, each stored (not compressed), names in UTF-8. */
export function storedZip(parts: readonly (readonly [name: string, data: Uint8Array])[]): Buffer {
  const records: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const nameBytes = Buffer.from(name, 'utf8');
    const checksum = crc32(data);
    const header = (size: number, signature: number) => {
      const record = Buffer.alloc(size);
      record.writeUInt32LE(signature, 0);
      return record;
    };
    const local = header(30, localHeader);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(utf8Names, 6);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = header(46, directoryEntry);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(utf8Names, 8);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    records.push(local, nameBytes, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    directory.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directorySize = directory.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(endOfDirectory, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...records, ...directory, end]);
}
