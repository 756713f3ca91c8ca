import { promisify } from "util";
import * as zlib from "zlib";

/** One file inside the .xlsx zip: its bytes, or bytes already compressed by a PartWriter. */
export interface PackageEntry {
  name: string;
  data: Buffer | CompressedPart;
}

/** A part's raw-deflate bytes with the CRC-32 and length of what they hold. */
export interface CompressedPart {
  compressed: Buffer;
  crc: number;
  size: number;
}

const deflateRaw = promisify(zlib.deflateRaw);
// An empty final fixed-Huffman block: ends a deflate stream whose pieces were sync-flushed.
const END_OF_STREAM = Buffer.from([0x03, 0x00]);

/**
 * Writes one large part (a sheet of 100,000 rows) in pieces of about a megabyte. Text is encoded
 * straight into a piece's buffer as it comes (no long string is built by concatenation, which costs
 * as much again to flatten and collect); each full piece is compressed on Node's thread pool while
 * the next is filled.
 */
export class PartWriter {
  private buffer: Buffer;
  private used = 0;
  private readonly pieces: Promise<Buffer>[] = [];
  private crc = 0;
  private size = 0;

  constructor(private readonly pieceBytes = 1 << 20) {
    this.buffer = Buffer.allocUnsafe(pieceBytes);
  }

  write(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (this.used + text.length * 3 > this.buffer.length) {
      this.flush();
      if (text.length * 3 > this.buffer.length) this.buffer = Buffer.allocUnsafe(text.length * 3);
    }
    this.used += this.buffer.write(text, this.used, "utf8");
    if (this.used >= this.pieceBytes) this.flush();
  }

  private flush(): void {
    if (this.used === 0) return;
    const bytes = this.buffer.subarray(0, this.used);
    this.buffer = Buffer.allocUnsafe(Math.max(this.pieceBytes, this.buffer.length));
    this.used = 0;
    this.crc = zlib.crc32(bytes, this.crc);
    this.size += bytes.length;
    this.pieces.push(deflateRaw(bytes, { level: 6, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
  }

  async finish(): Promise<CompressedPart> {
    this.flush();
    const compressed = Buffer.concat([...(await Promise.all(this.pieces)), END_OF_STREAM]);
    return { compressed, crc: this.crc, size: this.size };
  }
}

const compress = (data: Buffer | CompressedPart): CompressedPart =>
  Buffer.isBuffer(data) ? { compressed: zlib.deflateRawSync(data, { level: 6 }), crc: zlib.crc32(data), size: data.length } : data;

const DOS_DATE = ((2025 - 1980) << 9) | (1 << 5) | 1; // a fixed timestamp keeps output reproducible

/**
 * Zips the parts of an .xlsx package with Node's native deflate. (A general zip library in
 * JavaScript spent most of a 100,000-row conversion compressing.)
 */
export function zipPackage(entries: readonly PackageEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const { compressed, crc, size } = compress(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt16LE(0, 12);
    header.writeUInt16LE(DOS_DATE, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(compressed.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    chunks.push(local, name, compressed);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

// Characters XML 1.0 cannot carry at all (control characters are the point of these patterns).
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
// What cell text needs beyond that: a carriage return (an XML parser turns a literal one into a line
// feed, XML 1.0 §2.11) and surrogates (a lone one cannot be encoded in UTF-8; a pair is checked).
// eslint-disable-next-line no-control-regex
const XSTRING_NEEDS_ESCAPE = /[&<>"\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|_[xX]/;
// Characters written as `_xHHHH_`: control characters XML cannot hold, a carriage return, the two
// non-characters, a lone surrogate (a line feed too in a table column's name).
const ESCAPED_CHARS = "[\\r\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]";
/**
 * One pass over the text: each character to escape, and each underscore that would read as the start
 * of an escape — followed by x (either case: readers differ), four hex digits and an underscore, or a
 * character whose own escape will begin with one (`_x0041` then a vertical tab). The lookahead sees
 * the text as written, so `_x0041_x0042_` gets both its underscores escaped (consuming the first
 * match would hide the second, which would read back as "B").
 */
const xstringPattern = (extra: string): RegExp => new RegExp(`_(?=[xX][0-9A-Fa-f]{4}(?:_|${ESCAPED_CHARS}${extra}))|${ESCAPED_CHARS}${extra}`, "g");
const CELL_ESCAPES = xstringPattern("");
const NAME_ESCAPES = xstringPattern("|\\n");
const hex4 = (ch: string): string => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;

/**
 * A cell's or table column's text as the file format holds it (ECMA-376 Part 1 §22.9.2.19
 * ST_Xstring): characters XML cannot carry (control characters such as a vertical tab, a carriage
 * return, which XML would read as a line feed, a lone surrogate) are written as Excel writes them,
 * `_x000B_`, `_x000D_`, and each underscore that would start such an escape is escaped (`_x005F_`),
 * so every character comes back as it was. Tab and line feed are written as they are. `lineBreaks`
 * also escapes line feeds (table column names, which Excel writes that way).
 * @example xstringText("a\u000Bb") → "a_x000B_b"; xstringText("_x0041_x0042_") → "_x005F_x0041_x005F_x0042_"
 */
export function xstringText(text: string, lineBreaks = false): string {
  // Most cells hold none of these: they are passed through without a copy.
  if (!lineBreaks && !XSTRING_NEEDS_ESCAPE.test(text)) return text;
  const escaped = text.replace(lineBreaks ? NAME_ESCAPES : CELL_ESCAPES, (match) => (match === "_" ? "_x005F_" : hex4(match)));
  return xmlText(escaped);
}

/** Text made safe for an XML element or attribute. @example xmlText('a < "b"') → 'a &lt; &quot;b&quot;' */
export function xmlText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(INVALID_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
