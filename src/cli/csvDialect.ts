import Papa from "papaparse";
import { StrayQuote, splitCsv } from "./csvSplit";
import { InputError } from "./inputError";
import { EXCEL_ROWS } from "./xlsxSheet";

/** The delimiters a register's CSV or text export uses: `,`, `;` (Excel's CSV in most of Europe), tab (Excel's "Unicode Text"), `|`. */
export const DELIMITERS: readonly string[] = [",", ";", "\t", "|"];

/** How a CSV file is written: its delimiter, and whether it opens with Excel's `sep=` line. */
export interface CsvDialect {
  delimiter: string;
  sepLine: boolean;
}

// Excel writes `sep=;` as the first line to name the delimiter, and does not show that line.
const SEP_LINE = /^"?sep=([^"\n])"?(?:\n|$)/i;
// The start of a file the dialect is decided from, so a stream can be decided from its first chunk.
const SNIFF_CHARS = 65536;

/**
 * The dialect of CSV text whose line breaks are `\n`: Excel's `sep=` line if there is one, else
 * papaparse's guess over the first rows (the delimiter that splits them into the same number of
 * fields, more than one); a file it cannot decide (one row, or one column) is split by the
 * delimiter its first line holds most of, else `,`.
 * @example detectDialect("Ref;Value\nC1;1,5") → { delimiter: ";", sepLine: false }; detectDialect("sep=|\nRef|Value") → { delimiter: "|", sepLine: true }
 */
export function detectDialect(text: string): CsvDialect {
  const sep = SEP_LINE.exec(text);
  if (sep) return { delimiter: sep[1], sepLine: true };
  const head = text.slice(0, SNIFF_CHARS);
  const guess = Papa.parse<string[]>(head.endsWith("\n") ? head.slice(0, -1) : head, { newline: "\n", delimitersToGuess: [...DELIMITERS], preview: 10 });
  if (!guess.errors.some((e) => e.code === "UndetectableDelimiter")) return { delimiter: guess.meta.delimiter, sepLine: false };
  const firstLine = head.slice(0, (head.indexOf("\n") + 1 || head.length + 1) - 1);
  const counts = DELIMITERS.map((d) => firstLine.split(d).length - 1);
  const most = Math.max(...counts);
  return { delimiter: most > 0 ? DELIMITERS[counts.indexOf(most)] : ",", sepLine: false };
}

// ERP and finance exports force a value to stay text in Excel by writing it as a formula: ="000123".
const EXCEL_TEXT = /^="((?:[^"]|"")*)"$/;

/**
 * A CSV cell written the ERP way to keep Excel from reading it as a number or date, `="000123"`,
 * as the text Excel shows (`000123`); any other value unchanged.
 * @example unwrapExcelText('="31/05/2025"') → "31/05/2025"; unwrapExcelText("=A1+1") → "=A1+1"
 */
export function unwrapExcelText(value: string): string {
  if (value.charCodeAt(0) !== 61 /* = */) return value;
  const m = EXCEL_TEXT.exec(value);
  return m ? m[1].replace(/""/g, '"') : value;
}

/** CSV text read into rows, and the quotes it did not close as CSV's rules say (see splitCsv). */
export interface ParsedCsv {
  rows: string[][];
  strayQuotes: StrayQuote[];
}

/**
 * Splits CSV text into rows of fields as Excel opens it: any line breaks (`\r\n`, `\n`, `\r`,
 * mixed), RFC 4180 quoting read as Python's csv module and Excel read it (splitCsv: a stray quote
 * never runs the rest of the file into one cell, and is reported), the delimiter and `sep=` line
 * detected, `="…"` cells unwrapped. Every line is a row, blank ones too, so row numbers are the ones
 * Excel shows; a final line break does not add a row. A column blank in every row at the right (lines
 * that all end in a delimiter) is not a column.
 * @throws InputError past Excel's 1,048,576 rows
 * @example parseCsvWithQuotes('Ref,Title\nC1,12" pipe\n').rows → [["Ref", "Title"], ["C1", '12" pipe']]
 */
export function parseCsvWithQuotes(text: string): ParsedCsv {
  const dialect = detectDialect(text.includes("\r") ? text.slice(0, SNIFF_CHARS).replace(/\r\n?/g, "\n") : text);
  let body = text;
  if (dialect.sepLine) {
    const end = text.search(/\r\n?|\n/);
    body = end < 0 ? "" : text.slice(end + (text.startsWith("\r\n", end) ? 2 : 1));
  }
  if (body.trim() === "") return { rows: [], strayQuotes: [] };
  const { rows, strayQuotes, tooManyRows } = splitCsv(body, dialect.delimiter, EXCEL_ROWS);
  if (tooManyRows) throw new InputError(`it has more than ${EXCEL_ROWS.toLocaleString("en-GB")} rows, the most an Excel sheet holds`);
  let width = 0;
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) if (row[i].charCodeAt(0) === 61) row[i] = unwrapExcelText(row[i]);
    for (let i = row.length - 1; i >= width; i--) if (row[i].trim() !== "") width = i + 1;
  }
  // Lines that all end in a delimiter (some exports end every line so) have an empty last column.
  for (const row of rows) if (row.length > width && !(width === 0 && row.length === 1)) row.length = Math.max(width, 1);
  const linesBefore = dialect.sepLine ? 1 : 0;
  return { rows, strayQuotes: strayQuotes.map((q) => ({ ...q, line: q.line + linesBefore })) };
}

/**
 * The rows of CSV text (see parseCsvWithQuotes).
 * @example parseCsv('sep=;\r\nRef;Title\r\n="000123";"Cleaning; windows"\r\n') → [["Ref", "Title"], ["000123", "Cleaning; windows"]]
 */
export function parseCsv(text: string): string[][] {
  return parseCsvWithQuotes(text).rows;
}
