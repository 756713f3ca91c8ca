/** The tracker's other tables as set-up makes them, for a form that needs one the workbook lacks. */
import type { DateOrder } from "../core/dates";
import type { CellValue, TableSnapshot, WorkbookPort } from "../workbook/port";
import { OTHER_TABLES, newTrackerTable } from "./setUpTracker";
import { columnsOf } from "./trackerData";

export type OtherTableName = keyof typeof OTHER_TABLES;
export { newTrackerTable };

/**
 * Appends rows to a tracker table, each laid out by the table's own headers (its columns may be in
 * any order, or some missing): fields by key, computed columns left to their formulas. Creates the
 * table first, as set-up would (dates shown in `dateOrder`), when the workbook has none. Resolves with the first new row's
 * 0-based place in the table's body.
 */
export async function appendTrackerRows(
  port: WorkbookPort,
  name: OtherTableName,
  existing: TableSnapshot | undefined,
  rows: readonly Readonly<Record<string, CellValue>>[],
  dateOrder: DateOrder,
): Promise<{ table: string; bodyIndex: number }> {
  const spec = newTrackerTable(name, dateOrder);
  if (!existing) await port.addTables([spec]);
  const headers = existing?.headers ?? [...spec.headers, ...(spec.computed ?? []).map((c) => c.header)];
  const definition = OTHER_TABLES[name];
  const columns = columnsOf(headers, definition, {}, definition.computed);
  const lines = rows.map((values) => {
    const line: CellValue[] = headers.map(() => null);
    for (const [key, value] of Object.entries(values)) {
      const at = columns[key]?.index;
      if (at !== undefined) line[at] = value;
    }
    return line;
  });
  const table = existing?.name ?? spec.table;
  if (lines.length) await port.appendRows(table, lines);
  return { table, bodyIndex: existing?.rows.length ?? 0 };
}

/** Appends one row to a tracker table (see appendTrackerRows). */
export function appendTrackerRow(
  port: WorkbookPort,
  name: OtherTableName,
  existing: TableSnapshot | undefined,
  values: Readonly<Record<string, CellValue>>,
  dateOrder: DateOrder,
): Promise<{ table: string; bodyIndex: number }> {
  return appendTrackerRows(port, name, existing, [values], dateOrder);
}

/** The IDs in one field of a table, e.g. every Change ID, for making new ones. */
export function idsIn(table: TableSnapshot | undefined, name: OtherTableName, field: string): string[] {
  if (!table) return [];
  const at = columnsOf(table.headers, OTHER_TABLES[name])[field]?.index;
  return at === undefined ? [] : table.rows.map((r) => String(r[at] ?? ""));
}
