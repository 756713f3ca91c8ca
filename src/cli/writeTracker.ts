import ExcelJS from "exceljs";
import { MemoryWorkbook } from "../workbook/memoryWorkbook";

const RAG_FILLS: Record<string, { fill: string; font: string }> = {
  Red: { fill: "FFF8CBAD", font: "FF9C0006" },
  Amber: { fill: "FFFFE699", font: "FF7F6000" },
  Green: { fill: "FFC6EFCE", font: "FF006100" },
};

// Functions newer than Excel 2007 are stored with the _xlfn. prefix in the file format.
const NEWER_FUNCTIONS = /\b(MAXIFS|MINIFS|IFS|SWITCH|CONCAT|TEXTJOIN|XLOOKUP)\(/g;

/** A1 column letters of a 0-based index. @example columnLetters(27) → "AB" */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * A formula as the .xlsx format stores it: `[@[End date]]` is UI shorthand for
 * `Contracts[[#This Row],[End date]]`, and newer functions carry `_xlfn.`.
 */
export function fileFormula(formula: string, table: string): string {
  return formula
    .replace(/^=/, "")
    .replace(/\[@\[((?:[^\]']|'.)*)\]\]/g, (_, name: string) => `${table}[[#This Row],[${name}]]`)
    .replace(NEWER_FUNCTIONS, "_xlfn.$1(");
}

/** Writes the in-memory tracker as an .xlsx workbook: sheets, tables, formulas with cached values, formats, validation, names. */
export async function writeTracker(book: MemoryWorkbook, file: string): Promise<void> {
  const out = new ExcelJS.Workbook();
  out.creator = "Contract Tracker";
  const sheets = new Map<string, ExcelJS.Worksheet>();
  for (const [name, grid] of book.sheets) {
    const ws = out.addWorksheet(name);
    sheets.set(name, ws);
    const tableCells = new Set<string>();
    for (const t of book.tables.values()) {
      if (t.sheet !== name) continue;
      for (let r = 0; r <= t.rowCount; r++) for (let c = 0; c < t.columnCount; c++) tableCells.add(`${t.row + r},${t.column + c}`);
    }
    grid.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (tableCells.has(`${r},${c}`) || cell.value === null) return;
        ws.getCell(r + 1, c + 1).value = cell.value;
      }),
    );
  }
  for (const t of book.tables.values()) {
    const ws = sheets.get(t.sheet);
    if (!ws) continue;
    const snapshot = book.snapshot(t.name);
    const grid = book.sheets.get(t.sheet) ?? [];
    const rows = snapshot.rows.map((line, r) =>
      line.map((value, c) => {
        const cell = grid[t.row + 1 + r]?.[t.column + c];
        if (cell?.formula) return { formula: fileFormula(cell.formula, t.name), result: value ?? undefined } as ExcelJS.CellFormulaValue;
        return value;
      }),
    );
    ws.addTable({
      name: t.name,
      ref: `${columnLetters(t.column)}${t.row + 1}`,
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: snapshot.headers.map((header) => ({ name: header, filterButton: true })),
      // An empty table still needs one (blank) row in the file.
      rows: rows.length ? rows : [snapshot.headers.map(() => null)],
    });
    snapshot.headers.forEach((_, c) => {
      const format = grid[t.row + 1]?.[t.column + c]?.numberFormat;
      if (format) for (let r = 0; r < Math.max(1, rows.length); r++) ws.getCell(t.row + 2 + r, t.column + c + 1).numFmt = format;
    });
  }
  const range = (table: string, header: string): string | null => {
    const t = book.tables.get(table);
    if (!t) return null;
    const c = book.snapshot(table).headers.indexOf(header);
    if (c < 0) return null;
    const letters = columnLetters(t.column + c);
    return `${letters}${t.row + 2}:${letters}${t.row + 1 + Math.max(1, t.rowCount)}`;
  };
  for (const format of book.ragFormats) {
    const ref = range(format.table, format.column);
    const ws = sheets.get(book.tables.get(format.table)?.sheet ?? "");
    if (!ref || !ws) continue;
    ws.addConditionalFormatting({
      ref,
      rules: Object.entries(RAG_FILLS).map(([text, colours], i) => ({
        type: "containsText",
        operator: "containsText",
        text,
        priority: i + 1,
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: colours.fill } }, font: { color: { argb: colours.font } } },
      })),
    });
  }
  for (const dropDown of book.dropDowns) {
    const ref = range(dropDown.table, dropDown.column);
    const ws = sheets.get(book.tables.get(dropDown.table)?.sheet ?? "");
    if (!ref || !ws) continue;
    const [from, to] = ref.split(":");
    const letters = from.replace(/\d+/g, "");
    const first = Number(from.replace(/\D+/g, ""));
    const last = Number(to.replace(/\D+/g, ""));
    for (let r = first; r <= last; r++) {
      ws.getCell(`${letters}${r}`).dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [`"${dropDown.choices.join(",")}"`],
        showErrorMessage: true,
        errorTitle: dropDown.column,
        error: `Choose ${dropDown.choices.join(", ")}`,
      };
    }
  }
  // AsOf points at the as_of row of Settings (the file format's names refer to cells).
  const settings = book.tables.get("Settings");
  if (settings) {
    const names = book.snapshot("Settings").rows.map((r) => r[0]);
    const row = names.indexOf("as_of");
    if (row >= 0) out.definedNames.add(`'Settings'!$${columnLetters(settings.column + 1)}$${settings.row + 2 + row}`, "AsOf");
  }
  await out.xlsx.writeFile(file);
}
