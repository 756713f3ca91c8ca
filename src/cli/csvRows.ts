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

/** Text decoded a chunk at a time in the file's encoding; UTF-8 that turns out not to be is reported (null) so the caller decodes again as Windows-1252. */
function decoder(encoding: TextEncoding): { write(bytes: Buffer): string | null; end(): string | null } {
  if (encoding === "utf-8") {
    // Fatal: a byte sequence that is not UTF-8 anywhere in the file makes it Windows-1252, as decodeText decides from all its bytes.
    const utf8 = new TextDecoder("utf-8", { fatal: true });
    const safely = (f: () => string): string | null => {
      try {
        return f();
      } catch {
        return null;
      }
    };
    return { write: (bytes) => safely(() => utf8.decode(bytes, { stream: true })), end: () => safely(() => utf8.decode()) };
  }
  const other = iconv.getDecoder(encoding);
  return { write: (bytes) => other.write(bytes), end: () => other.end() ?? "" };
}

/**
 * A CSV (or tab/semicolon text) register read as a stream of rows, as parseCsv reads it whole:
 * the encoding detectEncoding finds, any line breaks, the dialect decided from the first 64 K
 * characters (`sep=` line, delimiter), RFC 4180 quoting, `="…"` cells unwrapped, every line a row.
 * Text is cut into pieces only at line breaks outside quotes, so a quoted value with line breaks
 * is never split; a quote never closed is reported with its line, as parseCsv reports it.
 * @throws InputError for binary or empty text and for a quote never closed
 * @example await csvFileRows("register.csv").forEachRow((cells) => console.log(cells[0]))
 */
export function csvFileRows(file: string): RowSource {
  return {
    async forEachRow(visit: (cells: readonly CellValue[]) => void): Promise<void> {
      const fd = fs.openSync(file, "r");
      try {
        const first = Buffer.alloc(CHUNK_BYTES);
        const firstLength = fs.readSync(fd, first, 0, CHUNK_BYTES, 0);
        const detected = detectEncoding(first.subarray(0, firstLength));
        // A file not UTF-8 after all is read again from the start; no row has been handed over by then
        // only if the fault is in the first chunk, so rows are gathered per pass and handed over at the end of each chunk.
        if (!readAll(fd, detected, visit, true)) readAll(fd, "windows-1252", visit, false);
      } finally {
        fs.closeSync(fd);
      }
    },
  };
}

/** One pass over the file; false when UTF-8 decoding failed (nothing handed over yet only in a dry run). */
function readAll(fd: number, encoding: TextEncoding, visit: (cells: readonly CellValue[]) => void, dryRunFirst: boolean): boolean {
  // A dry run checks the whole file decodes before any row is handed over: UTF-8 is decided by every byte.
  if (encoding === "utf-8" && dryRunFirst) {
    const check = decoder("utf-8");
    const buffer = Buffer.alloc(CHUNK_BYTES);
    for (let at = 0; ; ) {
      const n = fs.readSync(fd, buffer, 0, CHUNK_BYTES, at);
      if (n === 0) break;
      if (check.write(buffer.subarray(0, n)) === null) return false;
      at += n;
    }
    if (check.end() === null) return false;
  }
  const text = decoder(encoding);
  const buffer = Buffer.alloc(CHUNK_BYTES);
  const parser = new PieceParser(visit);
  for (let at = 0; ; ) {
    const n = fs.readSync(fd, buffer, 0, CHUNK_BYTES, at);
    if (n === 0) break;
    at += n;
    const decoded = text.write(buffer.subarray(0, n));
    if (decoded === null) return false;
    parser.push(decoded);
  }
  const rest = text.end();
  if (rest === null) return false;
  parser.push(rest);
  parser.end();
  return true;
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
