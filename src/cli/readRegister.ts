import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { dateToSerial } from "../core/dates";
import type { CellValue } from "../workbook/port";

/** A register file read into sheets of plain cell values (dates as Excel serials). */
export interface RegisterFile {
  file: string;
  sheets: Map<string, CellValue[][]>;
}

/** A bad-input problem the CLI reports in one line with exit code 1. */
export class InputError extends Error {}

/** UTF-8 if the bytes are valid UTF-8, else Windows-1252 (what Excel on Windows saves as "CSV"). */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function excelCell(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return dateToSerial(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return excelCell((value.result ?? null) as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return String(value.error);
    return null;
  }
  return value as CellValue;
}

/** Reads a .csv (UTF-8 or Windows-1252) or .xlsx register. @throws InputError with a one-line reason */
export async function readRegister(file: string): Promise<RegisterFile> {
  if (!fs.existsSync(file)) throw new InputError(`No such file: ${file}`);
  if (fs.statSync(file).isDirectory()) throw new InputError(`${file} is a folder, not a spreadsheet`);
  const extension = path.extname(file).toLowerCase();
  const bytes = fs.readFileSync(file);
  if (extension === ".csv" || extension === ".txt") {
    const name = path.basename(file, extension).slice(0, 31).replace(/[[\]:*?/\\]/g, " ");
    if (bytes.includes(0)) throw new InputError(`${file} is not a CSV text file`);
    return { file, sheets: new Map([[name || "Register", parseCsv(decodeText(bytes))]]) };
  }
  if (extension === ".xlsx" || extension === ".xlsm") {
    if (bytes.subarray(0, 2).toString("latin1") !== "PK") throw new InputError(`${file} is not an .xlsx workbook`);
    const book = new ExcelJS.Workbook();
    try {
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (error) {
      throw new InputError(`${file} could not be opened as a workbook (${error instanceof Error ? error.message : String(error)})`);
    }
    const sheets = new Map<string, CellValue[][]>();
    for (const ws of book.worksheets) {
      const rows: CellValue[][] = [];
      const width = ws.columnCount;
      ws.eachRow({ includeEmpty: true }, (row, number) => {
        const values: CellValue[] = [];
        for (let c = 1; c <= width; c++) values.push(excelCell(row.getCell(c).value));
        rows[number - 1] = values;
      });
      sheets.set(ws.name, Array.from(rows, (r) => r ?? []));
    }
    return { file, sheets };
  }
  throw new InputError(`${file} is not a spreadsheet: give a .csv or .xlsx file`);
}
