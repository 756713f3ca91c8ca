import { formatSerial } from "../core/dates";
import { mapHeaders } from "../core/mapping";
import { CHANGES } from "../core/schema";
import type { CellValue, NewTable, WorkbookPort } from "../workbook/port";
import { newTrackerTable } from "./setUpTracker";
import { ReadOptions, readTracker } from "./trackerData";

const CHANGES_TABLE: NewTable = newTrackerTable("Changes");

/**
 * Record change: adds a Proposed change for the selected contract to the Changes table (created if
 * the workbook has none), with a new Change ID and today's date, and selects its Description cell
 * so the user types straight into it.
 */
export async function recordChange(port: WorkbookPort, options: ReadOptions = {}): Promise<{ changeId: string; contract: string }> {
  const { data, contractsTable, tables } = await readTracker(port, options, ["Changes"]);
  const selected = await port.selectedTableRows(contractsTable.name);
  if (selected.length === 0) throw new Error(`Select a contract row in the ${contractsTable.name} table, then click Record change`);
  const contract = data.contracts.find((c) => c.row === contractsTable.row + 2 + selected[0]);
  const contractId = contract ? String(contract.fields.contractId ?? "").trim() : "";
  if (!contractId) throw new Error("The selected row has no Contract ID: fill it in, then click Record change");
  const changes = tables.get("Changes");
  if (!changes) await port.addTables([CHANGES_TABLE]);
  const headers = changes?.headers ?? CHANGES_TABLE.headers;
  const columns = mapHeaders(headers, CHANGES).fields;
  const idAt = columns.changeId?.index ?? 0;
  const existing = new Set((changes?.rows ?? []).map((r) => String(r[idAt] ?? "").trim().toUpperCase()));
  const prefix = `CHG-${formatSerial(data.asOf, "iso").replace(/-/g, "")}-`;
  let n = 1;
  while (existing.has(`${prefix}${String(n).padStart(3, "0")}`)) n++;
  const changeId = `${prefix}${String(n).padStart(3, "0")}`;
  const row: CellValue[] = headers.map(() => null);
  const put = (key: string, value: CellValue): void => {
    const at = columns[key]?.index;
    if (at !== undefined) row[at] = value;
  };
  put("changeId", changeId);
  put("contractId", contractId);
  put("requested", data.asOf);
  put("status", "Proposed");
  const table = changes?.name ?? CHANGES_TABLE.table;
  await port.appendRows(table, [row]);
  const description = columns.description ? headers[columns.description.index] : headers[0];
  await port.selectTableCell(table, changes?.rows.length ?? 0, description);
  return { changeId, contract: contractId };
}
