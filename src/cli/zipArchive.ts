import { Inflate } from "fflate";

/**
 * What a package part may inflate to. A sheet of 1,000,000 rows is about 1 GB of XML and a
 * 1,000,000-row tracker in Excel's own formulas some 7 GB, so a part may be large; but a part that
 * inflates to over 100 times its compressed size, past the first 10 MB, is a zip bomb (Apache POI
 * refuses the same ratio, its MIN_INFLATE_RATIO of 0.01), as is any part past 16 GB.
 */
export interface InflateLimits {
  /** Bytes a part may inflate to. */
  maxPartBytes: number;
  /** Inflated bytes a compressed byte may give, once the grace is passed. */
  maxRatio: number;
  /** Inflated bytes before the ratio is checked: small parts of repeated markup compress far better than 100:1. */
  ratioGraceBytes: number;
}

export const INFLATE_LIMITS: InflateLimits = { maxPartBytes: 16 * 1024 ** 3, maxRatio: 100, ratioGraceBytes: 10 * 1024 * 1024 };

/** A limit of the reader was hit: said in one line, naming the limit. */
export class ReadLimitError extends Error {}

/** One file of a zip, as its central directory lists it. */
interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localHeader: number;
}

/**
 * A zip package (an .xlsx) whose parts are inflated only when asked for: whole (a small part), or
 * piece by piece into a callback (a sheet of a million rows, never held inflated).
 */
export interface ZipArchive {
  /** Lower-case part names (package part names are case-insensitive). */
  has(name: string): boolean;
  /** A part inflated whole, or undefined when the package has none of that name. */
  read(name: string): Buffer | undefined;
  /** Inflates a part a piece at a time into `onPiece` (pieces gathered to about `pieceBytes`; 0: each as it inflates); false when the package has none of that name. */
  stream(name: string, onPiece: (piece: Uint8Array) => void, pieceBytes?: number): boolean;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
// fflate inflates 64 KB pushes three times as fast as 16 KB ones; a push inflates to at most about 64 MB before the limits are checked.
const COMPRESSED_PIECE = 64 * 1024;

const u16 = (b: Buffer, at: number): number => b.readUInt16LE(at);
const u32 = (b: Buffer, at: number): number => b.readUInt32LE(at);
const u64 = (b: Buffer, at: number): number => Number(b.readBigUInt64LE(at));

function endOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of up to 65,535.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) if (u32(bytes, at) === EOCD) return at;
  throw new Error("it is not a zip package (no central directory)");
}

/** The central directory's entries, zip64 ones too (a part past 4 GB). */
function centralDirectory(bytes: Buffer): ZipEntry[] {
  const eocd = endOfCentralDirectory(bytes);
  let count = u16(bytes, eocd + 10);
  let offset = u32(bytes, eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(bytes, eocd - 20) === ZIP64_LOCATOR) {
    const record = u64(bytes, eocd - 20 + 8);
    if (record + 56 > bytes.length || u32(bytes, record) !== ZIP64_EOCD) throw new Error("it is not a zip package (its zip64 directory is damaged)");
    count = u64(bytes, record + 32);
    offset = u64(bytes, record + 48);
  }
  const entries: ZipEntry[] = [];
  for (let i = 0, at = offset; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) throw new Error("it is not a zip package (its central directory is damaged)");
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const name = bytes.toString("utf8", at + 46, at + 46 + nameLength);
    let compressedSize = u32(bytes, at + 20);
    let localHeader = u32(bytes, at + 42);
    // Zip64 extra field: the sizes and offset that did not fit, in that order.
    for (let x = at + 46 + nameLength, end = x + extraLength; x + 4 <= end; x += 4 + u16(bytes, x + 2)) {
      if (u16(bytes, x) !== 1) continue;
      let field = x + 4;
      if (u32(bytes, at + 24) === 0xffffffff) field += 8;
      if (compressedSize === 0xffffffff) {
        compressedSize = u64(bytes, field);
        field += 8;
      }
      if (localHeader === 0xffffffff) localHeader = u64(bytes, field);
    }
    entries.push({ name, method: u16(bytes, at + 10), flags: u16(bytes, at + 8), compressedSize, localHeader });
    at += 46 + nameLength + extraLength + u16(bytes, at + 32);
  }
  return entries;
}

function inflatePieces(bytes: Buffer, entry: ZipEntry, limits: InflateLimits, onPiece: (piece: Uint8Array) => void, pieceBytes: number): void {
  const at = entry.localHeader;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL || at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28) > bytes.length) throw new Error(`its part ${entry.name} could not be read (damaged zip)`);
  if (entry.flags & 1) throw new Error(`its part ${entry.name} is encrypted (save the workbook without a password)`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
  let inflated = 0;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  // What the reader of the pieces throws (a limit of its own) goes through as it is.
  let readerError: unknown;
  const flush = (): void => {
    if (pendingBytes === 0) return;
    const piece = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    try {
      onPiece(piece);
    } catch (error) {
      readerError = error;
      throw error;
    }
  };
  const take = (piece: Uint8Array, consumed: number): void => {
    inflated += piece.length;
    if (inflated > limits.maxPartBytes) throw new ReadLimitError(`its part ${entry.name} inflates to over ${(limits.maxPartBytes / 1024 ** 3).toFixed(0)} GB, the limit for one part of a workbook`);
    if (inflated > limits.ratioGraceBytes && inflated > consumed * limits.maxRatio) {
      throw new ReadLimitError(`its part ${entry.name} inflates to over ${limits.maxRatio} times its compressed size, the limit against zip bombs`);
    }
    pending.push(piece);
    pendingBytes += piece.length;
    if (pendingBytes >= pieceBytes) flush();
  };
  if (entry.method === 0) {
    // A stored part (zip -0) is its own bytes: handed on a megabyte at a time when pieces are not gathered.
    const storedPiece = pieceBytes > 0 ? pieceBytes : 1 << 20;
    for (let from = 0; from < data.length; from += storedPiece) take(data.subarray(from, from + storedPiece), from + storedPiece);
  } else if (entry.method === 8) {
    let consumed = 0;
    const inflate = new Inflate((piece) => take(piece, consumed));
    try {
      for (let from = 0; from < data.length; from += COMPRESSED_PIECE) {
        consumed = Math.min(data.length, from + COMPRESSED_PIECE);
        inflate.push(data.subarray(from, consumed), consumed === data.length);
      }
      if (data.length === 0) inflate.push(new Uint8Array(0), true);
    } catch (error) {
      if (error instanceof ReadLimitError || error === readerError) throw error;
      throw new Error(`its part ${entry.name} could not be read (${plainReason(error)})`);
    }
  } else throw new Error(`its part ${entry.name} is compressed in a way .xlsx files are not (method ${entry.method})`);
  flush();
}

/**
 * Reads a zip's central directory and inflates each part only when it is read. The directory is
 * read here rather than by fflate's unzip, which inflates a part whole (a million-row sheet is over
 * a gigabyte) or, streaming, only in the package's order (Excel stores the shared strings after the
 * sheets); the inflating is fflate's streaming Inflate, checked against `limits` as it goes.
 * @throws Error with a plain reason when the bytes are not a zip; ReadLimitError when a part passes a limit
 * @example readZip(fs.readFileSync("register.xlsx")).read("xl/workbook.xml")?.toString("utf8")
 */
export function readZip(bytes: Buffer, limits: InflateLimits = INFLATE_LIMITS): ZipArchive {
  let listed: ZipEntry[];
  try {
    listed = centralDirectory(bytes);
  } catch (error) {
    throw error instanceof RangeError ? new Error("it is not a zip package (its central directory is cut short)") : error;
  }
  const entries = new Map(listed.filter((e) => !e.name.endsWith("/")).map((e) => [e.name.toLowerCase(), e]));
  const stream = (name: string, onPiece: (piece: Uint8Array) => void, pieceBytes = 1 << 20): boolean => {
    const entry = entries.get(name.toLowerCase());
    if (!entry) return false;
    inflatePieces(bytes, entry, limits, onPiece, pieceBytes);
    return true;
  };
  return {
    has: (name) => entries.has(name.toLowerCase()),
    read: (name) => {
      const pieces: Uint8Array[] = [];
      return stream(name, (piece) => pieces.push(piece), Number.MAX_SAFE_INTEGER) ? Buffer.concat(pieces) : undefined;
    },
    stream,
  };
}

const plainReason = (error: unknown): string => (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
