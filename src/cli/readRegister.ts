import * as fs from "fs";
import * as path from "path";
import type { CellValue } from "../workbook/port";
import { sheetNameOfFile } from "../workbook/sheetNames";
import { parseCsvWithQuotes } from "./csvDialect";
import type { StrayQuote } from "./csvSplit";
import { InputError } from "./inputError";
import { decodeText, isText } from "./textEncoding";
import type { KeptWorkbook } from "./xlsxKept";
import { readXlsx } from "./xlsxRead";
import { ReadLimitError } from "./zipArchive";

export { InputError } from "./inputError";
export { decodeText } from "./textEncoding";
export { parseCsv } from "./csvDialect";

/*
 * Reading a register a row at a time (for a command that need not hold it whole, as convert can):
 *
 *   const book = openXlsx(bytes);                  // shared strings and styles read; no sheet yet
 *   book.sheets                                     // ["Contracts", "Lookups"], the workbook's order
 *   book.readRows("Contracts", (index, values, formats) => { … });
 *
 * `index` is the row's 0-based number on the sheet (rows come in order; a blank row is skipped, so
 * indexes can jump), `values` the row's cells up to its last value (an empty cell is null; dates
 * are 1900-system serials), `formats` the cells' number formats where any is not General (shared
 * between rows: read it, never change it). The sheet part is inflated and read a piece at a time,
 * so memory stays that of one piece (about 1 MB) and what the callback keeps, however long the
 * sheet; the package's limits (zipArchive's INFLATE_LIMITS) hold as it goes. A CSV register is one
 * string read whole (up to 512 MB): parseCsvWithQuotes gives its rows and stray quotes.
 */
export { openXlsx, type XlsxPackage } from "./xlsxRead";
export type { RowSink } from "./xlsxSheet";
export { parseCsvWithQuotes } from "./csvDialect";

/** A register file read into sheets of plain cell values (dates as Excel serials). */
export interface RegisterFile {
  file: string;
  sheets: Map<string, CellValue[][]>;
  /**
   * Each cell's number format code where it is not General, by sheet, sparse (rows and cells with
   * no format are holes): `dd/mm/yyyy`, `"£"#,##0.00`, `@`. Empty for a CSV file, which has none.
   */
  numberFormats: Map<string, (string | undefined)[][]>;
  kind: "csv" | "xlsx";
  /** What the reader had to decide for the user, one line each (a CSV's stray quotes); said on stderr by every command. */
  notes: string[];
  /** An .xlsx register's formulas, notes, links, merges and hidden parts, read when asked for (convert keeps them). */
  kept?: KeptWorkbook;
  /** The sheets a workbook hides (none in a CSV file). */
  hiddenSheets?: ReadonlySet<string>;
}

const TEXT_EXTENSIONS = new Set([".csv", ".txt", ".tsv"]);
const OLE_SIGNATURE = "d0cf11e0a1b11ae1"; // .xls, and any password-protected Office file

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

// A CSV file's text is one string, and V8 holds none over about 536 million characters.
const MAX_TEXT_BYTES = 512 * 1024 * 1024;
// An .xlsx is read into memory whole (its parts inflate a piece at a time): 2 GB is Node's limit for one read.
const MAX_WORKBOOK_BYTES = 2 * 1024 ** 3 - 1;
const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024).toLocaleString("en-GB")} MB`;

const STRAY_QUOTE: Readonly<Record<StrayQuote["problem"], string>> = {
  "never-closed": "a quote opens a value and is never closed: the quote is kept as text, and the lines after it are read as rows, not swallowed into one cell",
  "closed-late": "a quoted value runs over several lines and is closed by a stray quote: the quote is kept as text, and the lines after it are read as rows",
  "text-after-quote": "text follows a value's closing quote: read as Excel reads it (the quotes dropped, the text kept)",
};

// Above this many bytes a file's buffer is released as soon as its text is decoded.
const RELEASE_BYTES = 1024 * 1024;

/**
 * A text file's text, its bytes released before the text is split: the buffer has usually been
 * moved to the old generation by then, where the collector would keep it (180 MB for a
 * million-row register) until its next full collection, well after splitting has peaked. A buffer
 * of its own memory (not a slice of Node's shared pool) is detached by transferring it away; the
 * text is a copy, not a view of it.
 */
async function readTextFile(file: string): Promise<string> {
  const bytes = await readRegularFile(file, MAX_TEXT_BYTES, "a CSV or text register");
  const text = decodeText(bytes);
  const memory = bytes.buffer;
  if (memory.byteLength > RELEASE_BYTES && memory instanceof ArrayBuffer) structuredClone(memory, { transfer: [memory] });
  return text;
}

function readText(file: string, text: string): RegisterFile {
  // A sheet name Excel accepts: no extension in any case, at most 31 characters, no emoji cut in half.
  const name = sheetNameOfFile(file);
  if (!isText(text)) throw new InputError(`${file} is not a CSV text file (it holds binary data)`);
  if (text.trim() === "") throw new InputError(`${file} is empty`);
  let parsed: ReturnType<typeof parseCsvWithQuotes>;
  try {
    parsed = parseCsvWithQuotes(text);
  } catch (error) {
    throw error instanceof InputError ? new InputError(`${file} ${error.message}`) : error;
  }
  const { rows, strayQuotes } = parsed;
  const notes = strayQuotes.map((q) => `${path.basename(file)}, row ${q.row} (line ${q.line} of the file): ${STRAY_QUOTE[q.problem]}`);
  return { file, sheets: new Map([[name || "Register", rows]]), numberFormats: new Map(), kind: "csv", notes };
}

/**
 * A file's bytes, read only when it is a regular file no larger than `maxBytes`: a FIFO, a device
 * (`/dev/zero` never ends) or a socket is refused before anything is read.
 */
async function readRegularFile(file: string, maxBytes: number, kind: string): Promise<Buffer> {
  const handle = await fs.promises.open(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new InputError(`${file} is not a regular file (it is a device, pipe or socket): save the register to a file and give that`);
    if (stat.size > maxBytes) throw new InputError(`${file} is ${mb(stat.size)}, over the ${mb(maxBytes + 1)} limit for ${kind}`);
    const bytes = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const { bytesRead } = await handle.read(bytes, read, bytes.length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return bytes.subarray(0, read);
  } finally {
    await handle.close();
  }
}

function readWorkbook(file: string, bytes: Buffer, keep: boolean): RegisterFile {
  if (bytes.subarray(0, 8).toString("hex") === OLE_SIGNATURE) {
    throw new InputError(`${file} is not an .xlsx workbook: it is an old .xls file or is password-protected (save it from Excel as .xlsx, without a password)`);
  }
  if (bytes.subarray(0, 2).toString("latin1") !== "PK") throw new InputError(`${file} is not an .xlsx workbook`);
  try {
    const { sheets, numberFormats, kept, hiddenSheets } = readXlsx(bytes, { keep });
    return { file, sheets, numberFormats, kind: "xlsx", notes: [], hiddenSheets, ...(kept ? { kept } : {}) };
  } catch (error) {
    if (error instanceof ReadLimitError) throw new InputError(`${file} was not read: ${message(error)}`);
    throw new InputError(`${file} could not be opened as a workbook: ${message(error)}`);
  }
}

/**
 * Reads a register: a .csv/.txt/.tsv text file (any encoding and delimiter Excel writes: see
 * decodeText and parseCsv) or an .xlsx/.xlsm workbook (see readXlsx).
 * @throws InputError with a one-line reason: missing file, folder, not a regular file (FIFO, device), over a size limit, binary or empty text, not a workbook, a part of it past a limit (a zip bomb)
 * `keep`: also read what convert keeps of a workbook beyond values (its formulas, notes, links, merges, hidden parts: RegisterFile.kept).
 * @example (await readRegister("contracts.csv")).sheets.get("contracts")?.[0] → ["Contract ID", "Supplier", "End date"]
 */
export async function readRegister(file: string, { keep = false }: { keep?: boolean } = {}): Promise<RegisterFile> {
  if (!fs.existsSync(file)) throw new InputError(`No such file: ${file}`);
  if (fs.statSync(file).isDirectory()) throw new InputError(`${file} is a folder, not a spreadsheet`);
  const extension = path.extname(file).toLowerCase();
  if (TEXT_EXTENSIONS.has(extension)) return readText(file, await readTextFile(file));
  if (extension === ".xlsx" || extension === ".xlsm") return readWorkbook(file, await readRegularFile(file, MAX_WORKBOOK_BYTES, "a workbook"), keep);
  throw new InputError(`${file} is not a spreadsheet: give a .csv or .xlsx file`);
}
