import { WHICH_CONTRACT, contractsById } from "../core/contractNames";
import { CHANGES } from "../core/schema";
import type { WorkbookPort } from "../workbook/port";
import { datedIdPrefix, nextId } from "./formInput";
import { appendTrackerRow, idsIn, newTrackerTable } from "./trackerTables";
import { ReadOptions, columnsOf, readTracker } from "./trackerData";

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
  // A change kept against a row number would follow another contract once the rows are sorted.
  if (!contractId && !data.contractColumns.contractId) throw new Error(`The ${contractsTable.name} table has no Contract ID column, and changes are kept against a contract's ID: add one, set the tracker up again, then click Record change`);
  if (!contractId) throw new Error("The selected row has no Contract ID: fill it in, then click Record change");
  const changes = tables.get("Changes");
  const changeId = nextId(datedIdPrefix("CHG", data.asOf), idsIn(changes, "Changes", "changeId"));
  // The selected row's contract, even where other rows share its ID.
  const whichContract = contract ? contractsById(data.contracts).whichContract(contract) : null;
  const { table, bodyIndex } = await appendTrackerRow(port, "Changes", changes, { changeId, contractId, [WHICH_CONTRACT]: whichContract, requested: data.asOf, status: "Proposed" }, data.settings.dateOrder);
  const headers = changes?.headers ?? newTrackerTable("Changes", data.settings.dateOrder).headers;
  const description = columnsOf(headers, CHANGES).description;
  await port.selectTableCell(table, bodyIndex, description ? headers[description.index] : headers[0]);
  return { changeId, contract: contractId };
}
