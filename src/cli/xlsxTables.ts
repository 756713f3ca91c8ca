/**
 * The Excel tables an .xlsx workbook holds (ECMA-376 Part 1 §18.5 table parts), read so converting
 * a tracker again finds its own tables where they are — Contracts, Settings on whatever sheet it
 * was put, Milestones … — and changes nothing, instead of taking its own sheets for the user's.
 */
import type { MemoryWorkbook } from "../workbook/memoryWorkbook";
import { attribute, cellText, elements, xmlDecode } from "./xmlText";
import { relationships } from "./xlsxRead";
import { ZipArchive, readZip } from "./zipArchive";

/** A table of a workbook: where it is (0-based, header row first) and its columns. */
export interface WorkbookTable {
  name: string;
  sheet: string;
  row: number;
  column: number;
  /** Data rows, not counting the header. */
  rowCount: number;
  columns: { name: string; calculatedFormula?: string }[];
}

const text = (zip: ZipArchive, part: string): string => zip.read(part.toLowerCase())?.toString("utf8") ?? "";

/** `B3` → 0-based row 2, column 1. */
function cellAt(ref: string): { row: number; column: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref.trim());
  if (!m) return null;
  const column = [...m[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, column };
}

/**
 * A formula as the file stores it, as the tracker writes one: `Contracts[[#This Row],[End date]]`
 * as `[@[End date]]`, without the `_xlfn.` prefix of newer functions, with its `=`.
 * @example sheetFormula("_xlfn.MAXIFS(T[A],T[[#This Row],[B]])", "T") → "=MAXIFS(T[A],[@[B]])"
 */
export function sheetFormula(formula: string, table: string): string {
  const escaped = table.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const thisRow = new RegExp(`(?:${escaped})?\\[\\[#This Row\\],\\[((?:[^\\]']|'.)*)\\]\\]`, "gi");
  return `=${formula.replace(thisRow, (_, name: string) => `[@[${name}]]`).replace(/_xlfn\./g, "")}`;
}

/**
 * Every table of the workbook, with its sheet; none for a package without tables.
 * @throws Error with a plain reason when the package cannot be read
 * @example readTables(fs.readFileSync("tracker.xlsx")).map((t) => t.name) → ["Contracts", "Settings", "Milestones"]
 */
export function readTables(bytes: Buffer): WorkbookTable[] {
  const zip = readZip(bytes);
  const workbookPart = relationships(zip, "").find((r) => /\/officeDocument$/.test(r.type))?.target ?? "xl/workbook.xml";
  const sheets = relationships(zip, workbookPart);
  const tables: WorkbookTable[] = [];
  for (const { attributes } of elements(text(zip, workbookPart), "sheet")) {
    const sheet = attribute(attributes, "name");
    const id = attribute(attributes, "r:id") ?? /\s[\w.-]+:id\s*=\s*["']([^"']*)["']/.exec(attributes)?.[1];
    const part = sheets.find((r) => r.id === id)?.target;
    if (sheet === undefined || part === undefined) continue;
    for (const rel of relationships(zip, part).filter((r) => /\/table$/.test(r.type))) {
      const xml = text(zip, rel.target);
      const table = elements(xml, "table")[0]?.attributes ?? "";
      const name = attribute(table, "displayName") ?? attribute(table, "name");
      const [from, to] = (attribute(table, "ref") ?? "").split(":").map(cellAt);
      // A table written with a totals row or none for its header (headerRowCount="0") is not one set-up makes.
      const headerRows = Number(attribute(table, "headerRowCount") ?? 1);
      const totals = Number(attribute(table, "totalsRowCount") ?? 0);
      if (!name || !from || !to || headerRows !== 1) continue;
      const columns = elements(xml, "tableColumn").map((c) => {
        const formula = elements(c.inner, "calculatedColumnFormula")[0]?.inner;
        return { name: cellText(attribute(c.attributes, "name") ?? ""), ...(formula ? { calculatedFormula: sheetFormula(xmlDecode(formula), name) } : {}) };
      });
      tables.push({ name, sheet, row: from.row, column: from.column, rowCount: to.row - from.row - totals, columns });
    }
  }
  return tables;
}

/**
 * Puts a tracker's tables back on the workbook read from its file, so set-up finds them as the
 * add-in would in Excel: only when the file holds the tracker's Contracts table (a register that
 * merely has tables of its own is converted as before). An empty table's blank data row, which the
 * file keeps for its formulas, is not a row.
 * @example restoreTrackerTables(book, readTables(bytes)) → true when the file was a tracker
 */
export function restoreTrackerTables(book: MemoryWorkbook, tables: readonly WorkbookTable[]): boolean {
  if (!tables.some((t) => t.name === "Contracts")) return false;
  for (const t of tables) {
    const grid = book.sheets.get(t.sheet);
    if (!grid) continue;
    const blank = (r: number): boolean => t.columns.every((_, c) => {
      const value = grid[t.row + r]?.[t.column + c]?.value;
      return value === null || value === undefined || value === "";
    });
    const rowCount = t.rowCount === 1 && blank(1) ? 0 : t.rowCount;
    book.restoreTable({ name: t.name, sheet: t.sheet, row: t.row, column: t.column, columnCount: t.columns.length, rowCount, formulas: t.columns.map((c) => c.calculatedFormula) });
  }
  return true;
}
