// A tracker's Settings fix its as-of date (`convert --as-of`: =DATE(2026,1,1)) or leave it to the
// day (=TODAY()). Both are a date serial when read — a saved =TODAY() keeps the day Excel last
// worked it out — so only the cell's formula tells them apart: `summary` of a tracker uses a fixed
// date, and today for one that moves with the day.
import * as fs from "fs";
import type { CellValue } from "../workbook/port";
import { emptyKeptSheet } from "./xlsxKept";
import { openXlsx } from "./xlsxRead";
import { xmlDecode } from "./xmlText";

// Functions whose value is the day it is worked out (ECMA-376 Part 1 §18.17.7: TODAY, NOW).
const MOVES_WITH_THE_DAY = /\b(?:TODAY|NOW)\s*\(/i;

/** The formula of one cell of an .xlsx sheet (0-based), read by the workbook reader; undefined when it holds none. */
function cellFormula(bytes: Buffer, sheet: string, row: number, column: number): string | undefined {
  const book = openXlsx(bytes);
  if (!book.sheets.includes(sheet)) return undefined;
  const kept = emptyKeptSheet();
  book.readRows(sheet, () => undefined, kept);
  const element = kept.formulas.get(row)?.[column];
  const text = element === undefined ? undefined : />([^<]*)<\/f>$/.exec(element)?.[1];
  return text === undefined ? undefined : xmlDecode(text);
}

/**
 * The as-of date a tracker's Settings sheet fixes, as an Excel serial: its `as_of` value when that
 * is a date (typed, or a formula such as =DATE(2026,1,1)), undefined when it moves with the day
 * (=TODAY(), =NOW()-1), is blank, or the sheet has no as_of row.
 * @example await fixedAsOf("tracker.xlsx", "Settings", rows) → 46023 (as_of =DATE(2026,1,1)); undefined for =TODAY()
 */
export async function fixedAsOf(file: string, sheet: string, rows: readonly CellValue[][]): Promise<number | undefined> {
  for (let r = 0; r < rows.length; r++) {
    const c = rows[r].findIndex((cell) => typeof cell === "string" && cell.trim().toLowerCase() === "as_of");
    if (c < 0) continue;
    const value = rows[r][c + 1];
    if (typeof value !== "number" || value <= 0) return undefined;
    const formula = cellFormula(await fs.promises.readFile(file), sheet, r, c + 1);
    return formula !== undefined && MOVES_WITH_THE_DAY.test(formula) ? undefined : Math.floor(value);
  }
  return undefined;
}
