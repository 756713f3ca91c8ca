import { dateToSerial } from "../core/dates";
import type { CellValue } from "../workbook/port";
import { KeptSheet, keepFormulaFormat, keepError, keepFormula, keepRowAttributes } from "./xlsxKept";
import { attribute, cellText, ownString, stringItemText } from "./xmlText";
import { ReadLimitError } from "./zipArchive";

/** Excel's sheet: 1,048,576 rows of 16,384 columns (A to XFD). A cell past them is no cell Excel could hold. */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;

/** What reading a sheet's cells needs from the rest of the workbook. */
export interface SheetContext {
  sharedStrings: readonly string[];
  /** Each cell style's (`s`) number format code, undefined for General. */
  styleFormats: readonly (string | undefined)[];
  /** Each cell style's format shows a date: its numbers are serials. */
  styleIsDate: readonly boolean[];
  /** The workbook counts days from 1904 (`<workbookPr date1904="1"/>`): serials are 1462 days short. */
  date1904: boolean;
}

/**
 * A sheet's cell values by row and each cell's number format. Rows end at their last cell with a
 * value (a row is not padded to the widest, so a stray cell at XFD1 makes one long row, not a
 * million); a blank row is one shared, frozen, empty row, and blank rows after the last value are
 * not there at all. Rows of the same formats share one frozen array of formats.
 */
export interface SheetCells {
  rows: CellValue[][];
  formats: (string | undefined)[][];
}

/**
 * One row of a sheet as it is read: its 0-based index, its values (a cell with no value is null,
 * the row ends at its last value) and, where any cell has a format other than General, the
 * formats (shared between rows: read, never change). Rows come in the sheet's order; a row that
 * is blank is not handed on.
 */
export type RowSink = (index: number, values: CellValue[], formats: readonly (string | undefined)[] | undefined) => void;

/** Days between 01/01/1900 and 01/01/1904 in Excel's 1900 system, which counts 29/02/1900. */
export const DAYS_1900_TO_1904 = 1462;

const CELL_OR_ROW = /<(?:[\w.-]+:)?(c|row)(?=[\s/>])([^>]*?)(\/?)>/g;
const CELL_ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const CELL_END = /<\/(?:[\w.-]+:)?c>/g;
const VALUE = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([^<]*)</;
const INLINE = /<((?:[\w.-]+:)?is)(?:\s[^>]*)?>([\s\S]*?)<\/\1>/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/;
const SHEET_DATA = /<(?:[\w.-]+:)?sheetData[\s>]/;
/** The rows a blank row of any sheet is: nothing in it, and nothing may be put in it. */
export const BLANK_ROW: CellValue[] = Object.freeze([]) as unknown as CellValue[];
// Distinct rows of formats shared before each row keeps its own (a sheet styled cell by cell at random).
const MAX_SHARED_FORMAT_ROWS = 10_000;

// Column index (0-based) of a cell reference such as "AB12"; -1 when it has no letters.
function columnOf(ref: string): number {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20; // lower case
    if (code < 97 || code > 122) break;
    column = column * 26 + (code - 96);
  }
  return i === 0 ? -1 : column - 1;
}

// Where `</sheetData>` (any prefix) closes in a window, or -1: cells after it are no sheet's cells.
function sheetDataEnd(xml: string): number {
  for (let i = xml.indexOf("sheetData>"); i > 0; i = xml.indexOf("sheetData>", i + 1)) {
    let j = i - 1;
    if (xml.charCodeAt(j) === 0x3a) while (j > 0 && xml.charCodeAt(j) !== 0x2f && xml.charCodeAt(j) !== 0x3c) j--;
    if (xml.charCodeAt(j) === 0x2f && xml.charCodeAt(j - 1) === 0x3c) return j - 1;
  }
  return -1;
}

/**
 * Reads a worksheet part's cells as Excel stores them, from windows of its text that each (after
 * the first) begin where a row begins: numbers as numbers (a date-formatted number is its serial in
 * the 1900 system, so serial 1 is 01/01/1900 and 60 is Excel's 29/02/1900), shared, inline and rich
 * text as text, booleans as TRUE/FALSE, errors as their text (`#N/A`), formulas as their cached
 * value. Styled empty cells are not values. Each row is handed to `onRow` once read, so a sheet of
 * any length passes through without being held (see xlsxRead's readXlsxRows).
 * @example const rows = new SheetRowReader(context, (i, values) => …); rows.read(window); rows.finish()
 */
export class SheetRowReader {
  private started = false;
  private ended = false;
  private row = -1;
  private column = -1;
  private values: CellValue[] = [];
  private formats: (string | undefined)[] = [];
  private formatKey = "";
  private readonly sharedFormats = new Map<string, readonly (string | undefined)[]>();
  /** The part's text before `<sheetData>` and after `</sheetData>`, gathered only when something is kept. */
  private head = "";
  private tail = "";

  /** `kept`: where a cell's formula, an error cell and a row's own attributes are recorded (convert keeps them; other commands need values only). */
  constructor(
    private readonly context: SheetContext,
    private readonly onRow: RowSink,
    private readonly kept?: KeptSheet,
  ) {}

  /** The text of the part around its cells (columns before, merges and hyperlinks after), when kept. */
  frame(): { head: string; tail: string } {
    return { head: this.head, tail: this.tail };
  }

  /** The next window of the part's text. */
  read(window: string): void {
    if (this.ended) {
      if (this.kept) this.tail += window;
      return;
    }
    let from = 0;
    if (!this.started) {
      from = window.search(SHEET_DATA);
      if (this.kept) this.head += from < 0 ? window : window.slice(0, from);
      if (from < 0) return;
      this.started = true;
    }
    const close = sheetDataEnd(window);
    const xml = close >= 0 ? window.slice(0, close) : window;
    if (close >= 0) {
      this.ended = true;
      if (this.kept) this.tail += window.slice(close);
    }
    this.readCells(xml, from);
    // A window ends where the next row begins (or the part ends): the row read last is whole.
    this.endRow();
  }

  /** The part has ended. */
  finish(): void {
    this.endRow();
  }

  private readCells(xml: string, from: number): void {
    const { context } = this;
    CELL_OR_ROW.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = CELL_OR_ROW.exec(xml))) {
      const attributes = m[2];
      if (m[1] === "row") {
        this.endRow();
        const r = attribute(attributes, "r");
        this.row = r ? Number(r) - 1 : this.row + 1;
        this.column = -1;
        if (!(this.row < EXCEL_ROWS)) throw new ReadLimitError(`it has a row numbered ${r ?? this.row + 1}, past the ${EXCEL_ROWS.toLocaleString("en-GB")} rows a sheet holds`);
        if (this.kept) keepRowAttributes(this.kept, this.row, attributes);
        continue;
      }
      let ref = "";
      let type = "n";
      let style = 0;
      // One pass over the cell's attributes: this loop runs once per cell of a million-row sheet.
      CELL_ATTRIBUTE.lastIndex = 0;
      let a: RegExpExecArray | null;
      while ((a = CELL_ATTRIBUTE.exec(attributes))) {
        const value = a[2] ?? a[3] ?? "";
        if (a[1] === "r") ref = value;
        else if (a[1] === "t") type = value;
        else if (a[1] === "s") style = Number(value) || 0;
      }
      const refColumn = ref ? columnOf(ref) : -1;
      this.column = refColumn >= 0 ? refColumn : this.column + 1;
      if (this.row < 0) this.row = 0;
      if (this.column >= EXCEL_COLUMNS) throw new ReadLimitError(`a cell of its row ${this.row + 1} is past column XFD, the last of the ${EXCEL_COLUMNS.toLocaleString("en-GB")} columns a sheet holds`);
      let inner = "";
      if (m[3] !== "/") {
        CELL_END.lastIndex = CELL_OR_ROW.lastIndex;
        const end = CELL_END.exec(xml);
        if (!end) break;
        inner = xml.slice(CELL_OR_ROW.lastIndex, end.index);
        CELL_OR_ROW.lastIndex = CELL_END.lastIndex;
      }
      if (this.kept) {
        if (inner.includes("f")) keepFormula(this.kept, this.row, this.column, inner);
        if (type === "e") keepError(this.kept, this.row, this.column);
      }
      if (this.kept && context.styleFormats[style] !== undefined && this.kept.formulas.get(this.row)?.[this.column] !== undefined) {
        // A formula's format, for when its cached value is blank or not there yet.
        keepFormulaFormat(this.kept, this.row, this.column, context.styleFormats[style] ?? "");
      }
      const value = cellValue(type, inner, style, context);
      if (value === null) continue;
      // A shared string is one string for all its cells; other text was cut from the window.
      this.values[this.column] = typeof value === "string" && type !== "s" ? ownString(value) : value;
      const format = context.styleFormats[style];
      if (format !== undefined) {
        this.formats[this.column] = format;
        this.formatKey += `${this.column}:${style},`;
      }
    }
  }

  private endRow(): void {
    const { values } = this;
    if (values.length === 0) return;
    for (let c = 0; c < values.length; c++) if (values[c] === undefined) values[c] = null;
    let formats: readonly (string | undefined)[] | undefined;
    if (this.formatKey !== "") {
      formats = this.sharedFormats.get(this.formatKey);
      if (!formats) {
        formats = Object.freeze(this.formats);
        if (this.sharedFormats.size < MAX_SHARED_FORMAT_ROWS) this.sharedFormats.set(this.formatKey, formats);
        this.formats = [];
      }
      this.formatKey = "";
    }
    this.formats.length = 0;
    this.values = [];
    this.onRow(this.row, values, formats);
  }
}

/**
 * A sink that keeps every row (for the RegisterFile the commands read): rows in order, blank rows
 * between them the shared BLANK_ROW, a row met twice (out of order) merged into the first.
 * @example const keep = keepRows(); new SheetRowReader(context, keep.onRow) …; keep.cells().rows
 */
export function keepRows(): { onRow: RowSink; cells: () => SheetCells } {
  const rows: CellValue[][] = [];
  const formats: (string | undefined)[][] = [];
  const onRow: RowSink = (index, values, rowFormats) => {
    if (index >= rows.length) {
      while (rows.length < index) rows.push(BLANK_ROW);
      rows.push(values);
      if (rowFormats) formats[index] = rowFormats as (string | undefined)[];
      return;
    }
    const kept = rows[index] === BLANK_ROW ? (rows[index] = []) : rows[index];
    const keptFormats = formats[index] ? [...formats[index]] : [];
    values.forEach((v, c) => {
      if (v === null) return;
      kept[c] = v;
      keptFormats[c] = rowFormats?.[c];
    });
    for (let c = 0; c < kept.length; c++) if (kept[c] === undefined) kept[c] = null;
    if (keptFormats.some((f) => f !== undefined)) formats[index] = keptFormats;
  };
  return { onRow, cells: () => ({ rows, formats }) };
}

/**
 * The cells of one worksheet part (see SheetRowReader), kept whole. The part may come as windows,
 * each after the first starting where a row begins.
 * @example readSheetCells('<sheetData><row r="1"><c r="A1"><v>45747</v></c></row></sheetData>', context).rows → [[45747]]
 */
export function readSheetCells(part: string | readonly string[], context: SheetContext): SheetCells {
  const keep = keepRows();
  const reader = new SheetRowReader(context, keep.onRow);
  for (const window of typeof part === "string" ? [part] : part) reader.read(window);
  reader.finish();
  return keep.cells();
}

function cellValue(type: string, inner: string, style: number, context: SheetContext): CellValue {
  if (type === "inlineStr") {
    const is = INLINE.exec(inner);
    return is ? stringItemText(is[2]) : null;
  }
  const v = VALUE.exec(inner);
  if (!v) return null;
  const raw = v[1];
  switch (type) {
    case "s":
      return context.sharedStrings[Number(raw)] ?? null;
    case "str":
      return cellText(raw);
    case "b":
      return raw.trim() === "1" || raw.trim().toLowerCase() === "true";
    case "e":
      return cellText(raw);
    case "d":
      return isoDateSerial(raw);
    default: {
      if (raw.trim() === "") return null;
      const n = Number(raw);
      if (!Number.isFinite(n)) return cellText(raw);
      return context.date1904 && context.styleIsDate[style] ? n + DAYS_1900_TO_1904 : n;
    }
  }
}

// A t="d" cell (ISO 8601 text, written by some tools and strict OOXML) as a 1900-system serial.
function isoDateSerial(raw: string): CellValue {
  const m = ISO_DATE.exec(raw.trim());
  if (!m) return cellText(raw);
  const day = dateToSerial(Number(m[1]), Number(m[2]), Number(m[3]));
  if (day === null) return cellText(raw);
  const seconds = Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0);
  return day + seconds / 86400;
}
