import * as fs from "fs";
import * as path from "path";
import type { CellValue } from "../workbook/port";
import { sheetNameOfFile } from "../workbook/sheetNames";
import { parseCsv } from "./csvDialect";
import { InputError } from "./inputError";
import { decodeText, isText } from "./textEncoding";
import { readXlsx } from "./xlsxRead";

export { InputError } from "./inputError";
export { decodeText } from "./textEncoding";
export { parseCsv } from "./csvDialect";

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
}

const TEXT_EXTENSIONS = new Set([".csv", ".txt", ".tsv"]);
const OLE_SIGNATURE = "d0cf11e0a1b11ae1"; // .xls, and any password-protected Office file

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function readText(file: string, bytes: Buffer): RegisterFile {
  // A sheet name Excel accepts: no extension in any case, at most 31 characters, no emoji cut in half.
  const name = sheetNameOfFile(file);
  const text = decodeText(bytes);
  if (!isText(text)) throw new InputError(`${file} is not a CSV text file (it holds binary data)`);
  if (text.trim() === "") throw new InputError(`${file} is empty`);
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (error) {
    throw error instanceof InputError ? new InputError(`${file}, ${error.message}`) : error;
  }
  return { file, sheets: new Map([[name, rows]]), numberFormats: new Map(), kind: "csv" };
}

function readWorkbook(file: string, bytes: Buffer): RegisterFile {
  if (bytes.subarray(0, 8).toString("hex") === OLE_SIGNATURE) {
    throw new InputError(`${file} is not an .xlsx workbook: it is an old .xls file or is password-protected (save it from Excel as .xlsx, without a password)`);
  }
  if (bytes.subarray(0, 2).toString("latin1") !== "PK") throw new InputError(`${file} is not an .xlsx workbook`);
  try {
    const { sheets, numberFormats } = readXlsx(bytes);
    return { file, sheets, numberFormats, kind: "xlsx" };
  } catch (error) {
    throw new InputError(`${file} could not be opened as a workbook: ${message(error)}`);
  }
}

/**
 * Reads a register: a .csv/.txt/.tsv text file (any encoding and delimiter Excel writes: see
 * decodeText and parseCsv) or an .xlsx/.xlsm workbook (see readXlsx).
 * @throws InputError with a one-line reason: missing file, folder, binary or empty text, broken quotes, not a workbook
 * @example (await readRegister("contracts.csv")).sheets.get("contracts")?.[0] → ["Contract ID", "Supplier", "End date"]
 */
export async function readRegister(file: string): Promise<RegisterFile> {
  if (!fs.existsSync(file)) throw new InputError(`No such file: ${file}`);
  if (fs.statSync(file).isDirectory()) throw new InputError(`${file} is a folder, not a spreadsheet`);
  const extension = path.extname(file).toLowerCase();
  if (TEXT_EXTENSIONS.has(extension)) return readText(file, await fs.promises.readFile(file));
  if (extension === ".xlsx" || extension === ".xlsm") return readWorkbook(file, await fs.promises.readFile(file));
  throw new InputError(`${file} is not a spreadsheet: give a .csv or .xlsx file`);
}
