/** The tracker's other tables as set-up makes them, for a form that needs one the workbook lacks. */
import type { CellValue, NewTable, TableSnapshot, WorkbookPort } from "../workbook/port";
import { OTHER_COMPUTED, OTHER_TABLES } from "./setUpTracker";
import { columnsOf } from "./trackerData";

export type OtherTableName = keyof typeof OTHER_TABLES;

/**
 * A table as set-up creates it: the schema's headers, its drop-downs, its computed columns (Risks'
 * Score and RAG …) with RAG colours, on a sheet of its own name.
 * @example newTrackerTable("Risks").headers → ["Contract ID", "Risk", "Likelihood", "Impact", "Owner", "Mitigation", "Status"]
 */
export function newTrackerTable(name: OtherTableName): NewTable {
  const definition = OTHER_TABLES[name];
  const computed = OTHER_COMPUTED[name] ?? [];
  return {
    sheet: name,
    table: name,
    headers: definition.fields.map((f) => f.header),
    rows: [],
    computed,
    dropDowns: definition.fields.flatMap((f) => (f.choices ? [{ column: f.header, choices: f.choices }] : [])),
    ragColumn: computed.some((c) => c.header === "RAG") ? "RAG" : undefined,
  };
}

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
