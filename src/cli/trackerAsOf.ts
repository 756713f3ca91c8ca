// A tracker's Settings fix its as-of date (`convert --as-of`: =DATE(2026,1,1)) or leave it to the
// day (=TODAY()). Both are a date serial when read — a saved =TODAY() keeps the day Excel last
// worked it out — so only the cell's formula tells them apart: `summary` of a tracker uses a fixed
// date, and today for one that moves with the day.
import * as fs from "fs";
import { columnLetters } from "../core/cellRefs";
import type { CellValue } from "../workbook/port";
import { packageParts, workbookSheets, xmlEntities } from "./xlsxWorkbookPart";

// Functions whose value is the day it is worked out (ECMA-376 Part 1 §18.17.7: TODAY, NOW).
const MOVES_WITH_THE_DAY = /\b(?:TODAY|NOW)\s*\(/i;

/** The formula of one cell of an .xlsx sheet (`B7`), or undefined when it holds none or cannot be found. */
function cellFormula(bytes: Uint8Array, sheet: string, ref: string): string | undefined {
  const part = workbookSheets(bytes).find((s) => s.name === sheet)?.part;
  if (!part) return undefined;
  const xml = packageParts(bytes, (name) => name === part).get(part) ?? "";
  const cell = new RegExp(`<(?:\\w+:)?c\\b[^>]*\\br="${ref}"[^>]*?(?:/>|>([\\s\\S]*?)</(?:\\w+:)?c>)`).exec(xml);
  const formula = cell?.[1] && /<(?:\w+:)?f\b[^>]*>([^<]*)</.exec(cell[1]);
  return formula ? xmlEntities(formula[1]) : undefined;
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
    const formula = cellFormula(new Uint8Array(await fs.promises.readFile(file)), sheet, `${columnLetters(c + 1)}${r + 1}`);
    return formula !== undefined && MOVES_WITH_THE_DAY.test(formula) ? undefined : Math.floor(value);
  }
  return undefined;
}
