/**
 * Notes on the header cells of computed columns (ComputedColumn.note: which rows of a native
 * tracker hold values read at set-up). Excel's notes (the yellow box shown on hover) came to its
 * JavaScript API in ExcelApi 1.18; older Excel has threaded comments since 1.10, which a reader sees
 * the same way; where neither is supported the note is left out, and the set-up result in the pane
 * still says it.
 */
import { columnLetters } from "../core/cellRefs";
import { isExcelError } from "./excelErrors";

/** A note on one cell; row and column are 0-based on the sheet. */
export interface CellNote {
  row: number;
  column: number;
  text: string;
}

/** How this Excel can put a note on a cell: an Excel note, a threaded comment, or not at all. */
export type NoteKind = "note" | "comment" | "none";

/** Asks the host which requirement sets it supports (Office.context.requirements.isSetSupported). */
export type SupportsApi = (set: string, version: string) => boolean;

/** The host's own answer; outside Office (tests, a plain browser) nothing is supported. @example officeSupports("ExcelApi", "1.18") → true in Excel for the web today */
export const officeSupports: SupportsApi = (set, version) => typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported(set, version) === true;

/**
 * The best kind of note the host supports.
 * @example noteKind((set, v) => v === "1.10") → "comment"
 */
export function noteKind(supports: SupportsApi): NoteKind {
  if (supports("ExcelApi", "1.18")) return "note";
  if (supports("ExcelApi", "1.10")) return "comment";
  return "none";
}

/** `K1` for row 0, column 10: the address a sheet's notes are looked up by. */
const cellAddress = (row: number, column: number): string => `${columnLetters(column)}${row + 1}`;

/**
 * Puts each note on its cell of `sheet`. Notes: one trip looks for a note already there (a user's
 * note on the empty cell a new column took stays, and ours is left out), one adds ours. Comments:
 * one trip; Excel refuses a second thread on a cell, and should it refuse, the columns are already
 * in place and complete, so the refusal is not set-up's failure: the comment is left out.
 * @example await addCellNotes(context, sheet, [{ row: 2, column: 5, text: "26 rows hold what the tracker read…" }], "note") // F3's note
 */
export async function addCellNotes(context: Excel.RequestContext, sheet: Excel.Worksheet, notes: readonly CellNote[], kind: NoteKind): Promise<void> {
  if (notes.length === 0 || kind === "none") return;
  if (kind === "note") {
    const there = notes.map((n) => sheet.notes.getItemOrNullObject(cellAddress(n.row, n.column)));
    await context.sync();
    notes.forEach((n, i) => {
      if (there[i].isNullObject) sheet.notes.add(sheet.getRangeByIndexes(n.row, n.column, 1, 1), n.text);
    });
    await context.sync();
    return;
  }
  for (const n of notes) context.workbook.comments.add(sheet.getRangeByIndexes(n.row, n.column, 1, 1), n.text);
  try {
    await context.sync();
  } catch (error) {
    if (!isExcelError(error)) throw error;
  }
}
