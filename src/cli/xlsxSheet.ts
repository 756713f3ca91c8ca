import { dateToSerial } from "../core/dates";
import type { CellValue } from "../workbook/port";
import { attribute, cellText, stringItemText } from "./xmlText";

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

/** A sheet's cell values (rows × columns, padded to the widest row) and each cell's number format. */
export interface SheetCells {
  rows: CellValue[][];
  formats: (string | undefined)[][];
}

/** Days between 01/01/1900 and 01/01/1904 in Excel's 1900 system, which counts 29/02/1900. */
export const DAYS_1900_TO_1904 = 1462;

const CELL_OR_ROW = /<(?:[\w.-]+:)?(c|row)(?=[\s/>])([^>]*?)(\/?)>/g;
const CELL_ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const CELL_END = /<\/(?:[\w.-]+:)?c>/g;
const VALUE = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([^<]*)</;
const INLINE = /<((?:[\w.-]+:)?is)(?:\s[^>]*)?>([\s\S]*?)<\/\1>/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/;

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

/**
 * The cells of one worksheet part, read from its XML as Excel stores them: numbers as numbers
 * (a date-formatted number is its serial in the 1900 system, so serial 1 is 01/01/1900 and 60 is
 * Excel's 29/02/1900), shared, inline and rich text as text, booleans as TRUE/FALSE, errors as their
 * text (`#N/A`), formulas as their cached value. Cells with a value set the sheet's size; styled
 * empty cells do not.
 * The part may come as slices (xlsxRead decodes a sheet too long for one string that way), each
 * after the first starting where a row begins.
 * @example readSheetCells('<sheetData><row r="1"><c r="A1"><v>45747</v></c></row></sheetData>', context).rows → [[45747]]
 */
export function readSheetCells(part: string | readonly string[], context: SheetContext): SheetCells {
  const slices = typeof part === "string" ? [part] : part;
  const rows: CellValue[][] = [];
  const formats: (string | undefined)[][] = [];
  const start = slices.length ? slices[0].search(/<(?:[\w.-]+:)?sheetData[\s>]/) : -1;
  if (start < 0) return { rows, formats };
  let width = 0;
  let row = -1;
  let column = -1;
  for (const [i, xml] of slices.entries()) {
    CELL_OR_ROW.lastIndex = i === 0 ? start : 0;
    let m: RegExpExecArray | null;
    while ((m = CELL_OR_ROW.exec(xml))) {
      const attributes = m[2];
      if (m[1] === "row") {
        const r = attribute(attributes, "r");
        row = r ? Number(r) - 1 : row + 1;
        column = -1;
        continue;
      }
      let ref = "";
      let type = "n";
      let style = 0;
      // One pass over the cell's attributes: this loop runs once per cell of a 100,000-row sheet.
      CELL_ATTRIBUTE.lastIndex = 0;
      let a: RegExpExecArray | null;
      while ((a = CELL_ATTRIBUTE.exec(attributes))) {
        const value = a[2] ?? a[3] ?? "";
        if (a[1] === "r") ref = value;
        else if (a[1] === "t") type = value;
        else if (a[1] === "s") style = Number(value) || 0;
      }
      const refColumn = ref ? columnOf(ref) : -1;
      column = refColumn >= 0 ? refColumn : column + 1;
      if (row < 0) row = 0;
      let inner = "";
      if (m[3] !== "/") {
        CELL_END.lastIndex = CELL_OR_ROW.lastIndex;
        const end = CELL_END.exec(xml);
        if (!end) break;
        inner = xml.slice(CELL_OR_ROW.lastIndex, end.index);
        CELL_OR_ROW.lastIndex = CELL_END.lastIndex;
      }
      const value = cellValue(type, inner, style, context);
      if (value === null) continue;
      (rows[row] ??= [])[column] = value;
      const format = context.styleFormats[style];
      if (format !== undefined) (formats[row] ??= [])[column] = format;
      if (column + 1 > width) width = column + 1;
    }
  }
  for (let r = 0; r < rows.length; r++) {
    const cells = (rows[r] ??= []);
    for (let c = 0; c < width; c++) if (cells[c] === undefined) cells[c] = null;
  }
  return { rows, formats };
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
