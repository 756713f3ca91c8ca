/**
 * What an Excel workbook can hold (Microsoft's "Excel specifications and limits"; the file format
 * itself says nothing of them, and Excel repairs or refuses a file past them): a register that
 * does not fit is refused with the limit it passes, before anything is written.
 */

/** Rows a worksheet has: 1,048,576. */
export const MAX_ROWS = 1_048_576;
/** Columns a worksheet has: 16,384 (A to XFD). */
export const MAX_COLUMNS = 16_384;
/** Characters a cell holds: 32,767. */
export const MAX_CELL_TEXT = 32_767;
/** Characters of a table column's name: 255 (Excel truncates a longer one when it repairs the file). */
export const MAX_COLUMN_NAME = 255;
/** Characters of a sheet's name: 31. */
export const MAX_SHEET_NAME = 31;

const count = (n: number): string => n.toLocaleString("en-GB");

/**
 * Why a block of cells does not fit on a worksheet, or null when it does: `lastRow` and
 * `lastColumn` are the 1-based sheet row and column of its bottom-right cell, `computed` how many
 * of those columns are the tracker's own (said, so the user knows the register alone fits or not).
 * @example sheetSizeProblem("Register", 1_048_578, 20) → 'Sheet "Register" would need 1,048,578 rows: Excel's sheets hold at most 1,048,576 (split the register into files of fewer rows)'
 */
export function sheetSizeProblem(sheet: string, lastRow: number, lastColumn: number, computed = 0): string | null {
  if (lastRow > MAX_ROWS) return `Sheet "${sheet}" would need ${count(lastRow)} rows: Excel's sheets hold at most ${count(MAX_ROWS)} (split the register into files of fewer rows)`;
  if (lastColumn > MAX_COLUMNS) {
    const with_ = computed > 0 ? `, with the tracker's ${count(computed)} computed columns` : "";
    return `Sheet "${sheet}" would need ${count(lastColumn)} columns${with_}: Excel's sheets hold at most ${count(MAX_COLUMNS)} (remove columns the tracker does not need)`;
  }
  return null;
}

// What continues the character before it: accents and other marks, a variation selector, a skin
// tone, a zero-width joiner (👩‍💻 is three code points joined), tag characters of flag sequences.
const REGIONAL = /^[\u{1F1E6}-\u{1F1FF}]/u;
const CONTINUES = /^(?:\p{M}|\u200D|[\u{1F3FB}-\u{1F3FF}]|[\u{E0020}-\u{E007F}])/u;

/**
 * Text cut to at most `max` UTF-16 code units without breaking a character a reader sees as one:
 * never inside a surrogate pair (an emoji), nor between a letter and its accents, the parts of a
 * joined emoji or the two letters of a flag.
 * @example cutText("Contracts 😀", 11) → "Contracts "
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  // The low half of a surrogate pair at the cut: the pair goes whole.
  if (/[\uDC00-\uDFFF]/.test(text[end]) && /[\uD800-\uDBFF]/.test(text[end - 1])) end--;
  while (end > 0 && (CONTINUES.test(text.slice(end)) || text[end - 1] === "\u200D")) {
    end--;
    if (end > 0 && /[\uDC00-\uDFFF]/.test(text[end]) && /[\uD800-\uDBFF]/.test(text[end - 1])) end--;
  }
  // A flag is two regional indicators (🇬🇧): an odd run of them before a cut ending in one halves a flag.
  if (REGIONAL.test(text.slice(end))) {
    let run = 0;
    while (end - 2 * (run + 1) >= 0 && REGIONAL.test(text.slice(end - 2 * (run + 1)))) run++;
    if (run % 2 === 1) end -= 2;
  }
  return text.slice(0, end);
}
