import Papa from "papaparse";
import { InputError } from "./inputError";

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

/**
 * Splits CSV text into rows of fields, as Excel opens it: any line breaks (`\r\n`, `\n`, `\r`,
 * mixed: papaparse wants one kind, and a real register had a CRLF header over LF rows, so all
 * become `\n` first, inside quoted values too, where `\n` is Excel's line break within a cell),
 * RFC 4180 quoting (delimiters, doubled quotes and line breaks inside quotes), the
 * delimiter and `sep=` line detected, `="…"` cells unwrapped. Every line is a row, blank ones too,
 * so row numbers are the ones Excel shows; a final line break does not add a row.
 * @throws InputError when a quote is never closed (the rest of the file would become one cell)
 * @example parseCsv('sep=;\r\nRef;Title\r\n="000123";"Cleaning; windows"\r\n') → [["Ref", "Title"], ["000123", "Cleaning; windows"]]
 */
export function parseCsv(text: string): string[][] {
  let lines = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  const dialect = detectDialect(lines);
  let linesBefore = 0;
  if (dialect.sepLine) {
    lines = lines.slice(lines.indexOf("\n") + 1 || lines.length);
    linesBefore = 1;
  }
  if (lines.endsWith("\n")) lines = lines.slice(0, -1);
  if (lines === "") return [];
  const parsed = Papa.parse<string[]>(lines, { delimiter: dialect.delimiter, newline: "\n" });
  const broken = parsed.errors.find((e) => e.type === "Quotes");
  if (broken) {
    const line = linesBefore + 1 + countLineBreaks(lines, (broken.index ?? 0));
    throw new InputError(`line ${line} has a quoted value that is not closed properly (a quote inside a quoted value must be doubled: ""), so the rest of the file cannot be split into cells`);
  }
  const rows = parsed.data;
  for (const row of rows) for (let i = 0; i < row.length; i++) if (row[i].charCodeAt(0) === 61) row[i] = unwrapExcelText(row[i]);
  return rows;
}

function countLineBreaks(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
