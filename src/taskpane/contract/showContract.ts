import type { PaneData } from "../../features/paneData";
import type { WorkbookPort } from "../../workbook/port";

/** The header of the Contracts table's ID column (the first column when none is mapped): the cell a contract's selection lands on. */
export function idHeader(pane: PaneData): string {
  return pane.data.contractColumns.contractId?.column ?? pane.contractsTable.headers[0] ?? "";
}

/**
 * Selects a contract's row in the sheet (its ID cell). The contract card follows the selected row,
 * so selecting it and then showing the Contract tab opens the card on it.
 */
export function selectContractRow(port: WorkbookPort, pane: PaneData, bodyIndex: number): Promise<void> {
  return port.selectTableCell(pane.contractsTable.name, bodyIndex, idHeader(pane));
}

/** The id of the contract card's heading: where the focus lands when a contract is opened from another view. */
export const CARD_HEADING_ID = "contract-card-heading";
