/** Small pieces of the adapter's writes: filling a range with one value, checking headers, tidying up after a failure. */
import { blockAddress } from "../core/cellRefs";

/**
 * Sets one value on every cell of a range. Excel accepts a single value for a whole range (one
 * short request fills a 100,000-row table column), though @types/office-js only declares arrays.
 */
export function fillEveryCell(range: Excel.Range, property: "formulas" | "formulasR1C1" | "numberFormat", value: string): void {
  (range as unknown as Record<typeof property, string>)[property] = value;
}

/** A1 reference of a block for messages, e.g. `A1:T100001`. */
export const a1 = blockAddress;

/** Headers Excel would silently change (a blank becomes `Column1`, a repeat `Status2`) are refused instead. */
export function checkHeaders(table: string, headers: readonly string[]): void {
  if (headers.length === 0) throw new Error(`The table "${table}" needs at least one column`);
  const seen = new Set<string>();
  headers.forEach((header, c) => {
    if (header.trim() === "") throw new Error(`Column ${c + 1} of the table "${table}" has no header`);
    const key = header.toLowerCase();
    if (seen.has(key)) throw new Error(`The table "${table}" has two columns named "${header}"`);
    seen.add(key);
  });
}

/** Removes a sheet this call added, if it is there; a failure here is not the one to report. */
export async function deleteQuietly(context: Excel.RequestContext, sheet: string): Promise<void> {
  try {
    const added = context.workbook.worksheets.getItemOrNullObject(sheet);
    await context.sync();
    if (added.isNullObject) return;
    added.delete();
    await context.sync();
  } catch {
    // The original failure is the one to report.
  }
}

/**
 * Excel's rule for a table name: a letter, _ or \ first, then letters, digits, _ . or \, and not
 * a cell reference. Checked before a report replaces its earlier sheet, so a bad name fails first.
 * @example checkTableName("Escalations") passes; checkTableName("Q1 report") throws
 */
export function checkTableName(name: string): void {
  const shaped = name.length > 0 && name.length <= 255 && /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name);
  const reference = /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[RrCc]$/.test(name);
  if (!shaped || reference) throw new Error(`"${name}" cannot name a table: it must start with a letter or _, hold only letters, digits, _ and . (no spaces), and not be a cell reference such as A1`);
}
