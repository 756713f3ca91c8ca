/** Changing cells of a table's body in place, and reading where the user's cursor is. */
import type { TableCellUpdate } from "../workbook/port";
import { ExcelInput, toExcelFormulaInput } from "./excelCells";
import { ACTION_OVERHEAD_BYTES, planWriteTrips, rowBytes } from "./requestBudget";
import { dataRowCount, lookUpBody } from "./tableView";

/** A column by its header as Excel finds table columns: the exact header, else one differing only in case. */
function columnOf(headers: readonly string[], column: string): number {
  const exact = headers.indexOf(column);
  return exact >= 0 ? exact : headers.findIndex((h) => h.toLowerCase() === column.toLowerCase());
}

/**
 * Writes cells of a table's data body: one trip finds the table, its headers and its body, and
 * every update is checked against them before anything is written; then the writes go together
 * (in more than one trip only if they would not fit Excel on the web's request limit). Text goes
 * with an apostrophe, so it stays text; only a formula cell is written as a formula.
 */
export async function writeTableCells(context: Excel.RequestContext, table: string, updates: readonly TableCellUpdate[], tripBudget: number): Promise<void> {
  const lookup = lookUpBody(context, table);
  const header = lookup.found.getHeaderRowRange();
  header.load("values");
  await context.sync();
  const rows = dataRowCount(lookup, table);
  const headers = header.values[0].map((h) => String(h ?? ""));
  const { body } = lookup;
  const cells = updates.map((u) => {
    const c = columnOf(headers, u.column);
    if (c < 0) throw new Error(`The table "${table}" has no column "${u.column}"`);
    if (!Number.isInteger(u.row) || u.row < 0 || u.row >= rows) throw new Error(`The table "${table}" has no row ${u.row + 1}`);
    const input: ExcelInput = toExcelFormulaInput(u.value, () => `Row ${u.row + 1}, column "${u.column}" of the table "${table}"`);
    return { row: body.rowIndex + u.row, column: body.columnIndex + c, input };
  });
  if (cells.length === 0) return;
  const sheet = lookup.found.worksheet;
  // Each cell is its own action: its bytes are the value and an action's envelope.
  const trips = planWriteTrips(cells.map((cell) => rowBytes([cell.input]) + ACTION_OVERHEAD_BYTES), tripBudget, `the cells of the table "${table}"`);
  for (const { start, count } of trips) {
    for (const cell of cells.slice(start, start + count)) {
      // `formulas`: a formula cell becomes a formula; a constant is typed input, kept as text by its apostrophe.
      sheet.getRangeByIndexes(cell.row, cell.column, 1, 1).formulas = [[cell.input]];
    }
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- a trip per ~4 MB of writes: Excel on the web refuses a bigger request.
    await context.sync();
  }
}

/** Where the cursor is: the active cell's sheet and 0-based row and column. One trip. */
export async function readActiveCell(context: Excel.RequestContext): Promise<{ sheet: string; row: number; column: number }> {
  const cell = context.workbook.getActiveCell();
  cell.load("rowIndex,columnIndex,worksheet/name");
  await context.sync();
  return { sheet: cell.worksheet.name, row: cell.rowIndex, column: cell.columnIndex };
}
