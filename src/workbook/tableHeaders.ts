import { MAX_COLUMN_NAME, cutText } from "./excelLimits";
import type { CellValue } from "./port";

/** The first header that repeats an earlier one (Excel compares them ignoring case), or null. @example repeatedHeader(["ID", "Status", "status"]) → "status" */
export function repeatedHeader(headers: readonly unknown[]): string | null {
  const seen = new Set<string>();
  for (const header of headers) {
    const text = String(header ?? "").trim();
    if (text === "") continue;
    if (seen.has(headerKey(text))) return text;
    seen.add(headerKey(text));
  }
  return null;
}

/** A header as a table tells its columns apart: spaces around it and case do not count. @example headerKey(" RAG ") === headerKey("rag") */
export const headerKey = (header: unknown): string => String(header ?? "").trim().toLowerCase();

/** Whether a table's headers hold one a table would take for `header` (case and spaces around it ignored). @example holdsHeader(["Ref", "rag"], "RAG") → true */
export const holdsHeader = (headers: readonly unknown[], header: string): boolean => headers.some((h) => headerKey(h) === headerKey(header));


/**
 * A header cell's text as a table column's name takes it: a number as JavaScript writes it, a
 * boolean as TRUE or FALSE. (A date in a header row is its serial number here: the port's cells
 * carry no number formats to show it by.)
 * @example headerCellText(2025) → "2025"
 */
export function headerCellText(cell: CellValue): string {
  if (cell === null) return "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return String(cell);
}

/** A header cell whose text could not be its table column's name as written, and the name it got. */
export interface RenamedHeader {
  /** 0-based place in the table. */
  column: number;
  /** What the cell showed. */
  text: string;
  name: string;
  why: "blank" | "repeated" | "too long";
}

/**
 * The table column names of a header row, made as Excel makes them when it turns a range into a
 * table (ECMA-376 §18.5.1.3 tableColumn: a name unique in the table, which the header cell shows):
 * each cell's text where it can be one; a blank cell `Column` with its 1-based place; a repeat
 * (case and spaces around ignored) the text with the first free number, `Name2`, `Name3`; text over
 * 255 characters cut, without breaking a character. Each name that differs from its cell's
 * non-blank text is listed in `renamed`.
 * @example tableColumnNames(["ID", "Notes", "", "notes"]).names → ["ID", "Notes", "Column3", "notes2"]
 */
export function tableColumnNames(texts: readonly string[]): { names: string[]; renamed: RenamedHeader[] } {
  const taken = new Set<string>();
  const first: (string | null)[] = texts.map((text) => {
    if (text.trim() === "") return null;
    const name = cutText(text, MAX_COLUMN_NAME);
    if (taken.has(headerKey(name))) return null;
    taken.add(headerKey(name));
    return name;
  });
  const renamed: RenamedHeader[] = [];
  const names = texts.map((text, c) => {
    const kept = first[c];
    if (kept !== null && kept === text) return kept;
    const blank = text.trim() === "";
    let name = kept;
    if (name === null) {
      const base = blank ? "Column" : cutText(text, MAX_COLUMN_NAME);
      for (let n = blank ? c + 1 : 2; name === null; n++) {
        const candidate = `${cutText(base, MAX_COLUMN_NAME - String(n).length)}${n}`;
        if (!taken.has(headerKey(candidate))) name = candidate;
      }
      taken.add(headerKey(name));
    }
    if (!blank) renamed.push({ column: c, text, name, why: kept === null ? "repeated" : "too long" });
    return name;
  });
  return { names, renamed };
}

/** A renamed header's note, keeping what its cell said. @example renamedHeaderNote({ column: 3, text: "Notes", name: "Notes2", why: "repeated" }) */
export function renamedHeaderNote(r: RenamedHeader): string {
  const why = r.why === "repeated" ? "another column of the table has this header, and a table's columns need different names" : `a table column's name holds at most ${MAX_COLUMN_NAME} characters`;
  return `This header said "${r.text}": ${why}, so it is named "${r.name}" as Excel names it.`;
}
