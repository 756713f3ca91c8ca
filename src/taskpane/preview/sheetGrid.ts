import { columnLetters } from "../../core/cellRefs";
import { cellDisplayText } from "../../core/cellText";
import { RagFill, ragFillOf } from "../../core/ragFills";
import type { MemoryWorkbook } from "../../workbook/memoryWorkbook";

/** How a cell is drawn: a table's header, a data row of a table (banded or not), or a plain cell. */
export type CellStyle = "header" | "band" | "body" | "plain";

/** One cell of the grid as the sheet shows it. */
export interface GridCell {
  /** The value through its number format (core/cellText). */
  text: string;
  /** The formula that gives the value, when it is one (`=CONTRACT.RAG(…)`). */
  formula?: string;
  style: CellStyle;
  /** The fill of a RAG-formatted cell whose text asks for one. */
  rag?: RagFill;
  /** Numbers sit at the right of their cells, text at the left, as Excel aligns them. */
  numeric: boolean;
  /** Text outside a table whose right-hand neighbour is empty runs on over it, as Excel draws a long title. */
  spills?: boolean;
}

/** One sheet row: its 0-based row in the sheet (the grid shows it 1-based) and its cells. */
export interface GridRow {
  row: number;
  cells: GridCell[];
}

/** A sheet as the preview's grid draws it: column letters, the rows that show, and the selected cell. */
export interface SheetGrid {
  sheet: string;
  /** A, B, C… one per column from A to the last used one. */
  columns: string[];
  rows: GridRow[];
  /** The selection's active cell when it is on this sheet, 0-based. */
  selected: { row: number; column: number } | null;
}

/**
 * The cells of a sheet of the in-memory workbook as Excel would draw them: from A1 to the last used
 * cell, each value through its number format, tables' header rows and banded body rows marked, the
 * tracker's RAG columns filled by their conditional formats' rule, and a filtered table's hidden
 * rows left out (their numbers skip, as in Excel).
 * @example sheetGrid(book, "Settings").rows[0].cells[0] → { text: "Name", style: "header", numeric: false }
 */
export function sheetGrid(book: MemoryWorkbook, sheet: string): SheetGrid {
  const cells = book.sheets.get(sheet) ?? [];
  const tables = [...book.tables.values()].filter((t) => t.sheet === sheet);
  let width = 0;
  let height = 0;
  cells.forEach((line, r) =>
    line.forEach((cell, c) => {
      if ((cell.value === null || cell.value === "") && !cell.formula) return;
      width = Math.max(width, c + 1);
      height = Math.max(height, r + 1);
    }),
  );
  for (const t of tables) {
    width = Math.max(width, t.column + t.columnCount);
    height = Math.max(height, t.row + t.rowCount + 1);
  }

  const styleAt = (r: number, c: number): { style: CellStyle; ragged: boolean } => {
    for (const t of tables) {
      if (c < t.column || c >= t.column + t.columnCount || r < t.row || r > t.row + t.rowCount) continue;
      if (r === t.row) return { style: "header", ragged: false };
      const header = String(cells[t.row]?.[c]?.value ?? "");
      const ragged = book.ragFormats.some((f) => f.table === t.name && f.column === header);
      // Excel's table styles band every other body row, starting with the first.
      return { style: (r - t.row) % 2 === 1 ? "band" : "body", ragged };
    }
    return { style: "plain", ragged: false };
  };
  const hidden = new Set<number>();
  for (const t of tables) {
    if (!book.filters.has(t.name)) continue;
    const shown = new Set(book.visibleRows(t.name));
    for (let i = 0; i < t.rowCount; i++) if (!shown.has(i)) hidden.add(t.row + 1 + i);
  }

  const rows: GridRow[] = [];
  for (let r = 0; r < height; r++) {
    if (hidden.has(r)) continue;
    const line: GridCell[] = [];
    for (let c = 0; c < width; c++) {
      const cell = cells[r]?.[c];
      const value = cell?.value ?? null;
      const text = cellDisplayText(value, cell?.numberFormat);
      const { style, ragged } = styleAt(r, c);
      const rag = ragged ? ragFillOf(text) : null;
      line.push({ text, style, numeric: typeof value === "number", ...(cell?.formula ? { formula: cell.formula } : {}), ...(rag ? { rag } : {}) });
    }
    line.forEach((cell, c) => {
      if (cell.style === "plain" && !cell.numeric && cell.text !== "" && line[c + 1]?.text === "") cell.spills = true;
    });
    rows.push({ row: r, cells: line });
  }
  const s = book.selection;
  return {
    sheet,
    columns: Array.from({ length: width }, (_, c) => columnLetters(c)),
    rows,
    selected: s && s.sheet === sheet ? { row: s.row, column: s.column } : null,
  };
}
