// A tracker's Settings fix its as-of date (`convert --as-of`: =DATE(2026,1,1)) or leave it to the
// day (=TODAY()). Both are a date serial when read — a saved =TODAY() keeps the day Excel last
// worked it out — so only the cell's formula tells them apart: `summary` of a tracker uses a fixed
// date, and today for one that moves with the day.
import * as fs from "fs";
import { dateToSerial } from "../core/dates";
import type { CellValue } from "../workbook/port";
import { emptyKeptSheet } from "./xlsxKept";
import { openXlsx } from "./xlsxRead";
import { xmlDecode } from "./xmlText";

// Functions whose value is the day it is worked out (ECMA-376 Part 1 §18.17.7: TODAY, NOW).
const MOVES_WITH_THE_DAY = /\b(?:TODAY|NOW)\s*\(/i;

/** A cell's formula by 0-based row and column (`SUM(A1:B1)`, no `=`), undefined where it holds none. */
export type FormulaAt = (row: number, column: number) => Promise<string | undefined>;

/**
 * The formulas of one sheet of an .xlsx file, read by the workbook reader at the first question and
 * then kept: the Settings' formulas are asked for by the as-of date and by settings without a saved
 * result, and the file is read once for both, or not at all when neither asks.
 * @example await sheetFormulas("tracker.xlsx", "Settings")(3, 1) → "DATE(2026,1,1)"
 */
export function sheetFormulas(file: string, sheet: string): FormulaAt {
  let formulas: Promise<Map<number, string[]>> | undefined;
  const load = async (): Promise<Map<number, string[]>> => {
    const book = openXlsx(await fs.promises.readFile(file));
    const kept = emptyKeptSheet();
    if (book.sheets.includes(sheet)) book.readRows(sheet, () => undefined, kept);
    return kept.formulas;
  };
  return async (row, column) => {
    const element = (await (formulas ??= load())).get(row)?.[column];
    const text = element === undefined ? undefined : />([^<]*)<\/f>$/.exec(element)?.[1];
    return text === undefined ? undefined : xmlDecode(text);
  };
}

// A date typed as a formula of constants, as the tracker writes its dated settings: =DATE(2025,2,24).
const CONSTANT_DATE = /^\s*DATE\(\s*(\d{4})\s*,\s*(\d{1,2})\s*,\s*(\d{1,2})\s*\)\s*$/i;

/**
 * A tracker's Settings rows with each setting whose cell holds a formula but no saved result — a
 * workbook last saved by a tool that does not calculate (openpyxl, a script), whose reader sees a
 * blank — given its value where the formula is a date of constants (=DATE(2025,2,24), as the tracker
 * writes `as_of` and `act_commencement_date`). Any other formula without a result is said in one line
 * through `note` and read as blank, so the setting's default applies and the user knows why.
 * Rows are [name, value, …]; those returned are a copy where anything changed.
 * @example await settingsFormulaValues([["act_commencement_date", null]], sheetFormulas("t.xlsx", "Settings"), note) → [["act_commencement_date", 45778]] for =DATE(2025,5,1)
 */
export async function settingsFormulaValues(rows: readonly CellValue[][], formulaAt: FormulaAt, note: (line: string) => void): Promise<CellValue[][]> {
  // Each setting is its name, then its value in the next cell, wherever the table starts.
  const blanks = rows
    .map((row, r) => ({ row, r, c: row.findIndex((cell) => typeof cell === "string" && cell.trim() !== "") }))
    .filter(({ row, c }) => c >= 0 && (row[c + 1] === null || row[c + 1] === undefined || row[c + 1] === ""));
  if (blanks.length === 0) return rows as CellValue[][];
  const out = rows.map((row) => [...row]);
  for (const { row, r, c } of blanks) {
    const formula = await formulaAt(r, c + 1);
    if (formula === undefined) continue;
    const date = CONSTANT_DATE.exec(formula);
    const serial = date ? dateToSerial(Number(date[1]), Number(date[2]), Number(date[3])) : null;
    if (serial !== null) out[r][c + 1] = serial;
    else note(`Settings: ${String(row[c]).trim()} holds the formula =${formula} with no saved result, so its default is used: open and save the tracker in Excel, or type the value`);
  }
  return out;
}

/**
 * The as-of date a tracker's Settings sheet fixes, as an Excel serial: its `as_of` value when that
 * is a date (typed, or a formula such as =DATE(2026,1,1)), undefined when it moves with the day
 * (=TODAY(), =NOW()-1), is blank, or the sheet has no as_of row.
 * @example await fixedAsOf(rows, sheetFormulas("tracker.xlsx", "Settings")) → 46023 (as_of =DATE(2026,1,1)); undefined for =TODAY()
 */
export async function fixedAsOf(rows: readonly CellValue[][], formulaAt: FormulaAt): Promise<number | undefined> {
  for (let r = 0; r < rows.length; r++) {
    const c = rows[r].findIndex((cell) => typeof cell === "string" && cell.trim().toLowerCase() === "as_of");
    if (c < 0) continue;
    const value = rows[r][c + 1];
    if (typeof value !== "number" || value <= 0) return undefined;
    const formula = await formulaAt(r, c + 1);
    return formula !== undefined && MOVES_WITH_THE_DAY.test(formula) ? undefined : Math.floor(value);
  }
  return undefined;
}
