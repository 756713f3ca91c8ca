/** The contract card follows the selected row: which contract a selected cell is on, and a subscription that says when it changes. */
import type { TableSnapshot, WorkbookPort } from "../workbook/port";

type TablePlace = Pick<TableSnapshot, "sheet" | "row" | "column" | "headers" | "rows">;

/** A selected cell's row in a table's body (0-based), or null off its data rows; a column outside the table is null too when given. */
function bodyIndexAt(table: TablePlace, sheet: string, row: number, column?: number): number | null {
  if (sheet.toLowerCase() !== table.sheet.toLowerCase()) return null;
  if (column !== undefined && (column < table.column || column >= table.column + table.headers.length)) return null;
  const index = row - table.row - 1;
  return index >= 0 && index < table.rows.length ? index : null;
}

/**
 * The contract a selected cell is on: its 0-based place in the Contracts table's body (what
 * `contractCard` and `port.selectTableCell` take), or null when the cell is on another sheet, the
 * header row, or below the table. Row and column are 0-based, as `onSelectionChanged` gives them;
 * without a column, any cell of the row counts. Given the table as read (readPaneData's
 * `contractsTable`) it asks nothing of the workbook; given its name, it reads the table first.
 * @example await contractAtSelection(port, contractsTable, "Register", 5) → 2 (header on row 3)
 */
export async function contractAtSelection(port: WorkbookPort, contractsTable: TableSnapshot | string, sheet: string, row: number, column?: number): Promise<number | null> {
  const table = typeof contractsTable === "string" ? (await port.readTables([contractsTable])).get(contractsTable) : contractsTable;
  return table ? bodyIndexAt(table, sheet, row, column) : null;
}

/**
 * Tells `onContract` which contract row the selection is on each time that changes (null when it
 * leaves the table), for the contract card. Resolves with the function that stops it. Re-subscribe
 * with the table read again when rows are added.
 */
export async function followSelection(port: WorkbookPort, contractsTable: TableSnapshot, onContract: (bodyIndex: number | null) => void): Promise<() => Promise<void>> {
  let last: number | null | undefined;
  return port.onSelectionChanged((sheet, row, column) => {
    const index = bodyIndexAt(contractsTable, sheet, row, column);
    if (index === last) return;
    last = index;
    onContract(index);
  });
}
