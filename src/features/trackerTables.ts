/** The tracker's other tables as set-up makes them, for a form that needs one the workbook lacks. */
import type { CellValue, TableSnapshot, WorkbookPort } from "../workbook/port";
import { OTHER_TABLES, newTrackerTable } from "./setUpTracker";
import { columnsOf } from "./trackerData";

export type OtherTableName = keyof typeof OTHER_TABLES;
export { newTrackerTable };

/**
 * Appends one row to a tracker table, laid out by the table's own headers (its columns may be in
 * any order, or some missing): fields by key, computed columns left to their formulas. Creates the
 * table first, as set-up would, when the workbook has none. Resolves with the new row's 0-based
 * place in the table's body.
 */
export async function appendTrackerRow(port: WorkbookPort, name: OtherTableName, existing: TableSnapshot | undefined, values: Readonly<Record<string, CellValue>>): Promise<{ table: string; bodyIndex: number }> {
  const spec = newTrackerTable(name);
  if (!existing) await port.addTables([spec]);
  const headers = existing?.headers ?? [...spec.headers, ...(spec.computed ?? []).map((c) => c.header)];
  const definition = OTHER_TABLES[name];
  const columns = columnsOf(headers, definition, {}, definition.computed);
  const row: CellValue[] = headers.map(() => null);
  for (const [key, value] of Object.entries(values)) {
    const at = columns[key]?.index;
    if (at !== undefined) row[at] = value;
  }
  const table = existing?.name ?? spec.table;
  await port.appendRows(table, [row]);
  return { table, bodyIndex: existing?.rows.length ?? 0 };
}
