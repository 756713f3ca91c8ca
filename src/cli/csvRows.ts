import { isUtf8 } from "buffer";
import * as fs from "fs";
import * as iconv from "iconv-lite";
import Papa from "papaparse";
import type { CellValue } from "../workbook/port";
import { detectDialect, unwrapExcelText } from "./csvDialect";
import { InputError } from "./inputError";
import type { RowSource } from "./registerRows";
import { TextEncoding, detectEncoding, isText } from "./textEncoding";

// How much of the file is read and parsed at a time.
const CHUNK_BYTES = 8 * 1024 * 1024;

/** How many of a chunk's first `n` bytes end on a whole UTF-8 character (the rest begin the next chunk). */
function utf8Whole(bytes: Buffer, n: number): number {
  for (let back = 1; back <= 4 && back <= n; back++) {
    const byte = bytes[n - back];
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead
    const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needs > back ? n - back : n;
  }
  return n;
}

/**
 * Text decoded a chunk at a time in the file's encoding. UTF-8 is cut at whole characters and
 * checked by Node's native isUtf8 (a decoder in fatal mode took as long as everything else).
 */
function decoder(encoding: TextEncoding): { write(bytes: Buffer): string; end(): string } {
  if (encoding === "utf-8") {
    let carry = Buffer.alloc(0);
    let first = true;
    return {
      write: (chunk) => {
        const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
        const whole = utf8Whole(bytes, bytes.length);
        carry = Buffer.from(bytes.subarray(whole));
        let text = bytes.toString("utf8", 0, whole);
        // The byte-order mark is not text (it may come after chunks too short to hold a character).
        if (first && text !== "") {
          first = false;
          if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        }
        return text;
      },
      end: () => carry.toString("utf8"),
    };
  }
  const other = iconv.getDecoder(encoding);
  return { write: (bytes) => other.write(bytes), end: () => other.end() ?? "" };
}

/** Whether a whole file is UTF-8, read a chunk at a time: detectEncoding decides from every byte, as decodeText does. */
function isUtf8File(fd: number, chunkBytes: number): boolean {
  const buffer = Buffer.alloc(chunkBytes + 4);
  let carried = 0;
  for (let at = 0; ; ) {
    const n = fs.readSync(fd, buffer, carried, chunkBytes, at);
    at += n;
    const held = carried + n;
    if (n === 0) return carried === 0 || isUtf8(buffer.subarray(0, carried));
    const whole = utf8Whole(buffer, held);
    if (!isUtf8(buffer.subarray(0, whole))) return false;
    buffer.copy(buffer, 0, whole, held);
    carried = held - whole;
  }
}

/**
 * A CSV (or tab/semicolon text) register read as a stream of rows, as parseCsv reads it whole:
 * the encoding detectEncoding finds, any line breaks, the dialect decided from the first 64 K
 * characters (`sep=` line, delimiter), RFC 4180 quoting, `="…"` cells unwrapped, every line a row.
 * Text is cut into pieces only at line breaks outside quotes, so a quoted value with line breaks
 * is never split; a quote never closed is reported with its line, as parseCsv reports it.
 * `chunkBytes`: how much is read at a time (tests try tiny ones).
 * @throws InputError for binary or empty text and for a quote never closed
 * @example await csvFileRows("register.csv").forEachRow((cells) => console.log(cells[0]))
 */
export function csvFileRows(file: string, { chunkBytes = CHUNK_BYTES }: { chunkBytes?: number } = {}): RowSource {
  return {
    async forEachRow(visit: (cells: readonly CellValue[]) => void): Promise<void> {
      const fd = fs.openSync(file, "r");
      try {
        const first = Buffer.alloc(Math.max(chunkBytes, 65536));
        const firstLength = fs.readSync(fd, first, 0, first.length, 0);
        // detectEncoding's UTF-8 test is over all the bytes: here over the whole file before any row is read.
        let encoding = detectEncoding(first.subarray(0, utf8Whole(first, firstLength)));
        if (encoding === "utf-8" && first[0] !== 0xef && !isUtf8File(fd, chunkBytes)) encoding = "windows-1252";
        readAll(fd, encoding, visit, chunkBytes);
      } finally {
        fs.closeSync(fd);
      }
    },
  };
}

/** One pass over the file, every row handed to `visit`. */
function readAll(fd: number, encoding: TextEncoding, visit: (cells: readonly CellValue[]) => void, chunkBytes: number): void {
  const text = decoder(encoding);
  const buffer = Buffer.alloc(chunkBytes);
  const parser = new PieceParser(visit);
  for (let at = 0; ; ) {
    const n = fs.readSync(fd, buffer, 0, chunkBytes, at);
    if (n === 0) break;
    at += n;
    parser.push(text.write(buffer.subarray(0, n)));
  }
  parser.push(text.end());
  parser.end();
}

/** Cuts decoded text into pieces of whole lines and parses each as parseCsv would. */
class PieceParser {
  private pending = "";
  private started = false;
  private delimiter = ",";
  private linesBefore = 0;
  // Whether the text held back ends inside a quoted value, and how far it has been scanned.
  private quoted = false;
  private scanned = 0;
  private heldCr = false;

  constructor(private readonly visit: (cells: readonly CellValue[]) => void) {}

  push(decoded: string): void {
    let text = decoded;
    // \r\n split over two chunks: the \r is held until the next chunk shows what follows it.
    if (this.heldCr) text = `\r${text}`;
    this.heldCr = text.endsWith("\r");
    if (this.heldCr) text = text.slice(0, -1);
    if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n");
    this.pending += text;
    if (!this.started) {
      if (this.pending.length < 65536) return;
      this.start();
    }
    this.cut(false);
  }

  private start(): void {
    this.started = true;
    if (!isText(this.pending)) throw new InputError("it is not a CSV text file (it holds binary data)");
    const dialect = detectDialect(this.pending);
    this.delimiter = dialect.delimiter;
    if (dialect.sepLine) {
      this.pending = this.pending.slice(this.pending.indexOf("\n") + 1 || this.pending.length);
      this.linesBefore = 1;
    }
  }

  /** Parses every whole line held (all of them at the end). */
  private cut(atEnd: boolean): void {
    let last = -1;
    for (let i = this.scanned; i < this.pending.length; i++) {
      const code = this.pending.charCodeAt(i);
      if (code === 34) this.quoted = !this.quoted;
      else if (code === 10 && !this.quoted) last = i;
    }
    this.scanned = this.pending.length;
    if (atEnd) {
      let piece = this.pending;
      if (piece.endsWith("\n")) piece = piece.slice(0, -1);
      // A final line break adds no row; text that was all one line break is one blank row.
      if (piece !== "" || this.pending === "\n") this.parse(piece);
      this.pending = "";
      return;
    }
    if (last < 0) return;
    this.parse(this.pending.slice(0, last));
    this.pending = this.pending.slice(last + 1);
    this.scanned = this.pending.length;
  }

  private parse(piece: string): void {
    const lines = countLineBreaks(piece) + 1;
    if (piece === "") {
      this.visit([""]);
      this.linesBefore += 1;
      return;
    }
    const parsed = Papa.parse<string[]>(piece, { delimiter: this.delimiter, newline: "\n" });
    const broken = parsed.errors.find((e) => e.type === "Quotes");
    if (broken) {
      const line = this.linesBefore + 1 + countLineBreaks(piece.slice(0, broken.index ?? 0));
      throw new InputError(`line ${line} has a quoted value that is not closed properly (a quote inside a quoted value must be doubled: ""), so the rest of the file cannot be split into cells`);
    }
    for (const row of parsed.data) {
      for (let i = 0; i < row.length; i++) if (row[i].charCodeAt(0) === 61) row[i] = unwrapExcelText(row[i]);
      this.visit(row);
    }
    this.linesBefore += lines;
  }

  end(): void {
    if (this.heldCr) this.pending += "\n";
    this.heldCr = false;
    if (!this.started) {
      if (this.pending.trim() === "") throw new InputError("it is empty");
      this.start();
    }
    this.cut(true);
  }
}

function countLineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
