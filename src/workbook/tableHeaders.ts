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

/** Why a range cannot become a table as it is: two columns headed alike (Excel would rename the user's cell). */
export const repeatedHeaderMessage = (header: string): string => `Two columns are headed "${header}": a table needs different headers, so rename one and try again`;

/**
 * The column names Excel gives a range it turns into a table when no header repeats: each header
 * cell's text, and a blank one `Column` with its 1-based place in the table (Excel's Format as
 * Table and `tables.add` do the same; a blank header holds no value of the user's to lose).
 * @example blankHeadersNamed(["Contract ID", "", "End date"]) → ["Contract ID", "Column2", "End date"]
 */
export function blankHeadersNamed(cells: readonly CellValue[]): string[] {
  return cells.map((cell, c) => {
    const text = cell === null ? "" : typeof cell === "boolean" ? (cell ? "TRUE" : "FALSE") : String(cell);
    return text.trim() === "" ? `Column${c + 1}` : text;
  });
}
