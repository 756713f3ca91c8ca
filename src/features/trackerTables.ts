/** The tracker's other tables as set-up makes them, for a form that needs one the workbook lacks. */
import { WHICH_CONTRACT, WHICH_CONTRACT_HEADER } from "../core/contractNames";
import type { DateOrder } from "../core/dates";
import type { TableDefinition } from "../core/schema";
import type { CellValue, NewTable, TableSnapshot, WorkbookPort } from "../workbook/port";
import { OTHER_TABLES, newTrackerTable } from "./setUpTracker";
import { columnsOf, whichContractColumn } from "./trackerData";

export type OtherTableName = keyof typeof OTHER_TABLES;
export { newTrackerTable };

/**
 * Appends rows to a tracker table, each laid out by the table's own headers (its columns may be in
 * any order, or some missing): fields by key, computed columns left to their formulas. Creates the
 * table first, as set-up would (dates shown in `dateOrder`), when the workbook has none. A row with a
 * `whichContract` value (about one of several contracts sharing an ID, core/contractNames) needs the
 * table's Which contract column: it is added, beside Contract ID in a new table or at the right of
 * an existing one, only then, and never over a cell holding anything. Resolves with the first new
 * row's 0-based place in the table's body.
 */
export async function appendTrackerRows(
  port: WorkbookPort,
  name: OtherTableName,
  existing: TableSnapshot | undefined,
  rows: readonly Readonly<Record<string, CellValue>>[],
  dateOrder: DateOrder,
): Promise<{ table: string; bodyIndex: number }> {
  const spec = newTrackerTable(name, dateOrder);
  const definition = OTHER_TABLES[name];
  const needsWhich = rows.some((r) => r[WHICH_CONTRACT] !== undefined && r[WHICH_CONTRACT] !== null);
  let headers: string[];
  if (existing) {
    headers = [...existing.headers];
    if (needsWhich && whichContractColumn(headers) < 0) {
      await addWhichContractColumn(port, existing.name);
      headers.push(WHICH_CONTRACT_HEADER);
    }
  } else {
    const made = needsWhich ? withWhichContract(spec, definition) : spec;
    await port.addTables([made]);
    headers = [...made.headers, ...(made.computed ?? []).map((c) => c.header)];
  }
  const columns = columnsOf(headers, definition, {}, [...definition.computed, WHICH_CONTRACT_HEADER]);
  const which = whichContractColumn(headers);
  const lines = rows.map((values) => {
    const line: CellValue[] = headers.map(() => null);
    for (const [key, value] of Object.entries(values)) {
      const at = key === WHICH_CONTRACT ? which : columns[key]?.index;
      if (at !== undefined && at >= 0) line[at] = value;
    }
    return line;
  });
  const table = existing?.name ?? spec.table;
  if (lines.length) await port.appendRows(table, lines);
  return { table, bodyIndex: existing?.rows.length ?? 0 };
}

/** A new table's layout with the Which contract column just after Contract ID, where a reader looks for it. */
function withWhichContract(spec: NewTable, definition: TableDefinition): NewTable {
  const idHeader = definition.fields.find((f) => f.key === "contractId")?.header;
  const at = idHeader === undefined ? spec.headers.length : spec.headers.indexOf(idHeader) + 1;
  return { ...spec, headers: [...spec.headers.slice(0, at), WHICH_CONTRACT_HEADER, ...spec.headers.slice(at)] };
}

async function addWhichContractColumn(port: WorkbookPort, table: string): Promise<void> {
  try {
    await port.appendColumns(table, [WHICH_CONTRACT_HEADER]);
  } catch (error) {
    // The record must not be written without it: it would show under every contract with the ID.
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(
      `The ${table} table needs a "${WHICH_CONTRACT_HEADER}" column to say which of the contracts sharing this ID the record is about, and could not get one (${why}): clear the cells just right of the table, or add a column headed "${WHICH_CONTRACT_HEADER}" to it yourself`,
    );
  }
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
