// An .xlsx package written straight to its file as it is made, so a tracker of a million rows never
// exists whole in memory: each part is compressed as a stream and its bytes go to disk as they come.
import * as fs from "fs";
import * as zlib from "zlib";

/** One entry's record for the central directory, written when the package is closed. */
interface CentralEntry {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

const DOS_DATE = ((2025 - 1980) << 9) | (1 << 5) | 1; // a fixed timestamp keeps output reproducible
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const MAX_32 = 0xffffffff;
// Deflate level: 1 is Node's fastest. A sheet part is mostly repeated markup, so level 1 keeps it to
// about a tenth of its size while leaving the second core free in time for the next megabyte
// (level 6 spent as long compressing a 1,000,000-row sheet as making it).
const LEVEL = 1;
// How much text is encoded before it goes to the compressor, and how much may wait there: the
// producer pauses (awaits) when more than this is queued, so uncompressed text never piles up.
const PIECE_BYTES = 1 << 20;
const QUEUED_BYTES = 4 * PIECE_BYTES;

/**
 * The writer of an .xlsx (zip) package to a file: small parts whole (`addPart`), large ones as a
 * stream (`streamPart`), one part at a time. Zip64 records are written for the entries and the
 * directory that need them (a part over 4 GB uncompressed, a package over 4 GB), and only then, so
 * an ordinary tracker is an ordinary zip.
 * @example const zip = ZipFileWriter.create("t.xlsx"); zip.addPart("a.xml", Buffer.from("<a/>")); await zip.close();
 */
export class ZipFileWriter {
  private offset = 0;
  private readonly entries: CentralEntry[] = [];
  private busy = false;

  private constructor(private readonly fd: number) {}

  /** Opens (creating or truncating) the package's file. @throws the file system's error */
  static create(file: string): ZipFileWriter {
    return new ZipFileWriter(fs.openSync(file, "w"));
  }

  private append(bytes: Buffer): void {
    let done = 0;
    while (done < bytes.length) done += fs.writeSync(this.fd, bytes, done, bytes.length - done, this.offset + done);
    this.offset += bytes.length;
  }

  /** Adds a part held whole (workbook.xml, a table): compressed at once. */
  addPart(name: string, data: Buffer): void {
    if (this.busy) throw new Error("a streamed part is still being written");
    const compressed = zlib.deflateRawSync(data, { level: 6 });
    const entry: CentralEntry = { name: Buffer.from(name, "utf8"), crc: zlib.crc32(data), compressed: compressed.length, size: data.length, offset: this.offset };
    this.append(localHeader(entry, false));
    this.append(compressed);
    this.entries.push(entry);
  }

  /**
   * Starts a part written in pieces (a sheet). `large`: it may pass 4 GB uncompressed, so its local
   * header makes room for zip64 sizes (known only at its end, and written back into the header then).
   */
  streamPart(name: string, large: boolean): StreamedPart {
    if (this.busy) throw new Error("a streamed part is still being written");
    this.busy = true;
    const entry: CentralEntry = { name: Buffer.from(name, "utf8"), crc: 0, compressed: 0, size: 0, offset: this.offset };
    this.append(localHeader(entry, large));
    return new StreamedPart((chunk) => {
      this.append(chunk);
      entry.compressed += chunk.length;
    }, (crc, size) => {
      entry.crc = crc;
      entry.size = size;
      if (!large && (size > MAX_32 || entry.compressed > MAX_32)) {
        throw new Error(`the part ${name} passed 4 GB without room for zip64 sizes`);
      }
      const header = localHeader(entry, large);
      fs.writeSync(this.fd, header, 0, header.length, entry.offset);
      this.entries.push(entry);
      this.busy = false;
    });
  }

  /** Writes the central directory and closes the file. */
  close(): void {
    const start = this.offset;
    for (const entry of this.entries) this.append(centralHeader(entry));
    const directorySize = this.offset - start;
    const needs64 = this.entries.length > 0xffff || start > MAX_32 || directorySize > MAX_32;
    if (needs64) {
      const zip64End = Buffer.alloc(56);
      zip64End.writeUInt32LE(0x06064b50, 0);
      zip64End.writeBigUInt64LE(44n, 4); // size of the record after this field
      zip64End.writeUInt16LE(45, 12);
      zip64End.writeUInt16LE(45, 14);
      zip64End.writeBigUInt64LE(BigInt(this.entries.length), 24);
      zip64End.writeBigUInt64LE(BigInt(this.entries.length), 32);
      zip64End.writeBigUInt64LE(BigInt(directorySize), 40);
      zip64End.writeBigUInt64LE(BigInt(start), 48);
      const endOffset = this.offset;
      this.append(zip64End);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeBigUInt64LE(BigInt(endOffset), 8);
      locator.writeUInt32LE(1, 16);
      this.append(locator);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(Math.min(this.entries.length, 0xffff), 8);
    end.writeUInt16LE(Math.min(this.entries.length, 0xffff), 10);
    end.writeUInt32LE(Math.min(directorySize, MAX_32), 12);
    end.writeUInt32LE(Math.min(start, MAX_32), 16);
    this.append(end);
    fs.closeSync(this.fd);
  }

  /** Closes the file without finishing it (the caller removes it). */
  abandon(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      // already closed: nothing more to release
    }
  }
}

// A local file header; `large` gives it a zip64 extra field with the 8-byte sizes (APPNOTE 4.5.3).
function localHeader(entry: CentralEntry, large: boolean): Buffer {
  const header = Buffer.alloc(30 + entry.name.length + (large ? 20 : 0));
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(large ? 45 : 20, 4);
  header.writeUInt16LE(UTF8_NAMES, 6);
  header.writeUInt16LE(DEFLATE, 8);
  header.writeUInt16LE(DOS_DATE, 12);
  header.writeUInt32LE(entry.crc, 14);
  header.writeUInt32LE(large ? MAX_32 : entry.compressed, 18);
  header.writeUInt32LE(large ? MAX_32 : entry.size, 22);
  header.writeUInt16LE(entry.name.length, 26);
  header.writeUInt16LE(large ? 20 : 0, 28);
  entry.name.copy(header, 30);
  if (large) {
    const at = 30 + entry.name.length;
    header.writeUInt16LE(0x0001, at);
    header.writeUInt16LE(16, at + 2);
    header.writeBigUInt64LE(BigInt(entry.size), at + 4);
    header.writeBigUInt64LE(BigInt(entry.compressed), at + 12);
  }
  return header;
}

// A central directory header, with a zip64 extra field holding whichever values do not fit 32 bits.
function centralHeader(entry: CentralEntry): Buffer {
  const wide = [entry.size, entry.compressed, entry.offset].map((n) => n > MAX_32 || n === MAX_32);
  const extra = wide.filter(Boolean).length * 8;
  const header = Buffer.alloc(46 + entry.name.length + (extra ? 4 + extra : 0));
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(extra ? 45 : 20, 4);
  header.writeUInt16LE(extra ? 45 : 20, 6);
  header.writeUInt16LE(UTF8_NAMES, 8);
  header.writeUInt16LE(DEFLATE, 10);
  header.writeUInt16LE(DOS_DATE, 14);
  header.writeUInt32LE(entry.crc, 16);
  header.writeUInt32LE(wide[1] ? MAX_32 : entry.compressed, 20);
  header.writeUInt32LE(wide[0] ? MAX_32 : entry.size, 24);
  header.writeUInt16LE(entry.name.length, 28);
  header.writeUInt16LE(extra ? 4 + extra : 0, 30);
  header.writeUInt32LE(wide[2] ? MAX_32 : entry.offset, 42);
  entry.name.copy(header, 46);
  if (extra) {
    let at = 46 + entry.name.length;
    header.writeUInt16LE(0x0001, at);
    header.writeUInt16LE(extra, at + 2);
    at += 4;
    // APPNOTE 4.5.3: the values present, in this order.
    for (const [i, value] of [entry.size, entry.compressed, entry.offset].entries()) {
      if (!wide[i]) continue;
      header.writeBigUInt64LE(BigInt(value), at);
      at += 8;
    }
  }
  return header;
}

/**
 * A part written as text in pieces: text is encoded straight into a megabyte buffer (no long
 * string is ever built), each full buffer goes to a deflate stream on Node's thread pool, and its
 * output to the file. `write` never waits; the producer awaits `ready()` now and then (once a few
 * hundred rows), which holds it back while more than a few megabytes wait to be compressed.
 */
export class StreamedPart {
  private buffer: Buffer = Buffer.allocUnsafe(PIECE_BYTES);
  private readonly spare: Buffer[] = [];
  private used = 0;
  private crc = 0;
  private size = 0;
  private readonly deflate = zlib.createDeflateRaw({ level: LEVEL, chunkSize: 256 * 1024 });
  private failure: Error | null = null;
  private readonly ended: Promise<void>;

  constructor(output: (chunk: Buffer) => void, private readonly done: (crc: number, size: number) => void) {
    this.deflate.on("data", (chunk: Buffer) => {
      try {
        output(chunk);
      } catch (error) {
        this.failure = error instanceof Error ? error : new Error(String(error));
        this.deflate.destroy(this.failure);
      }
    });
    this.ended = new Promise((resolve, reject) => {
      this.deflate.on("end", resolve);
      this.deflate.on("error", reject);
    });
    // A failure is kept for ready() and finish() to report; nothing is left unhandled meanwhile.
    this.ended.catch((error: unknown) => {
      this.failure ??= error instanceof Error ? error : new Error(String(error));
    });
  }

  /** Appends text (UTF-8). */
  write(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (this.used + text.length * 3 > this.buffer.length) {
      this.flush();
      if (text.length * 3 > this.buffer.length) this.buffer = Buffer.allocUnsafe(text.length * 3);
    }
    this.used += this.buffer.write(text, this.used, "utf8");
  }

  private flush(): void {
    if (this.used === 0) return;
    const bytes = this.buffer.subarray(0, this.used);
    this.crc = zlib.crc32(bytes, this.crc);
    this.size += bytes.length;
    // The buffer just handed over belongs to the stream until compressed, then comes back for
    // reuse: a new megabyte a piece waited for the collector to free it, some 100 MB at a time.
    const handed = this.buffer;
    this.deflate.write(bytes, () => {
      if (handed.length === PIECE_BYTES) this.spare.push(handed);
    });
    this.buffer = this.spare.pop() ?? Buffer.allocUnsafe(PIECE_BYTES);
    this.used = 0;
  }

  /** Resolves once the compressor has room: at most a few megabytes of text wait for it. */
  async ready(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.used >= PIECE_BYTES) this.flush();
    while (this.deflate.writableLength > QUEUED_BYTES && !this.failure) {
      await new Promise<void>((resolve) => this.deflate.once("drain", resolve));
    }
    if (this.failure) throw this.failure;
  }

  /** Compresses what is left, writes it, and records the part in the package. */
  async finish(): Promise<void> {
    this.flush();
    this.deflate.end();
    await this.ended;
    if (this.failure) throw this.failure;
    this.done(this.crc, this.size);
  }
}
