/**
 * What a register's text cells need before they become a workbook: none longer than an Excel cell
 * holds (refused: shortening or splitting a user's text would change it), and the count of cells
 * holding characters XML cannot carry, which the writer keeps as Excel's `_xHHHH_` escapes.
 */
import { columnLetters } from "../core/cellRefs";
import { MAX_CELL_TEXT } from "../workbook/excelLimits";
import type { CellValue } from "../workbook/port";
import { InputError } from "./inputError";

// Control characters other than tab, line feed and carriage return, the two non-characters, and a
// lone surrogate: XML 1.0 (§2.2) cannot hold them as they are.
// eslint-disable-next-line no-control-regex
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The register's cells holding characters XML cannot carry: how many, and the first one's place (`Register!B3`). */
export interface EscapedCells {
  count: number;
  first: string | null;
}

/**
 * Checks every text cell of the sheets about to be written.
 * @throws InputError naming the first cell over 32,767 characters (sheet, cell, length, limit): nothing is written
 * @example checkCellTexts(new Map([["Register", [["a\u0001b"]]]])) → { count: 1, first: "Register!A1" }
 */
export function checkCellTexts(sheets: Iterable<readonly [string, Iterable<readonly CellValue[]>]>): EscapedCells {
  let count = 0;
  let first: string | null = null;
  for (const [sheet, rows] of sheets) {
    let r = -1;
    // Rows as an iterable: a register read as a stream is checked a row at a time.
    for (const line of rows) {
      r++;
      line.forEach((value, c) => {
        if (typeof value !== "string") return;
        if (value.length > MAX_CELL_TEXT) {
          throw new InputError(
            `Cell ${columnLetters(c)}${r + 1} of sheet "${sheet}" holds ${value.length.toLocaleString("en-GB")} characters: an Excel cell holds at most ${MAX_CELL_TEXT.toLocaleString("en-GB")}, so the tracker is not written (shorten the text, or move it to a document and link to it)`,
          );
        }
        if (NOT_IN_XML.test(value)) {
          count++;
          first ??= `${sheet}!${columnLetters(c)}${r + 1}`;
        }
      });
    }
  }
  return { count, first };
}
