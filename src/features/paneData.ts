/**
 * What the task pane reads: every tracker table, Risks and Changes too, in one go; and the small
 * pieces its models share (finding a contract's row in the Contracts table's body).
 */
import { contractName } from "../core/contractNames";
import { statusMeaning } from "../core/contractAssessment";
import type { NormalisedRow, TypedValue } from "../core/normalise";
import type { TableSnapshot, WorkbookPort } from "../workbook/port";
import { ReadOptions, TrackerData, readTracker } from "./trackerData";

/** The tables the pane reads beside those `readTracker` always reads. */
export const PANE_TABLES = ["Risks", "Changes"] as const;

/** The tracker as the pane reads it: typed data, the Contracts table as read, and every table read by name. */
export interface PaneData {
  data: TrackerData;
  contractsTable: TableSnapshot;
  tables: Map<string, TableSnapshot>;
}

/**
 * Reads the tracker for the dashboard and the contract card: the saved mapping, then Contracts,
 * Milestones, KPIs, Escalations, Settings, Risks and Changes together. Throws a plain message when
 * there is no tracker yet.
 */
export function readPaneData(port: WorkbookPort, options: ReadOptions = {}): Promise<PaneData> {
  return readTracker(port, options, PANE_TABLES);
}

/** A contract as a list shows it, with where it is so a view can select it. */
export interface ContractRef {
  id: string;
  title: string;
  supplier: string;
  /** 1-based sheet row, as Excel shows it. */
  row: number;
  /** 0-based row within the Contracts table's body: what `port.selectTableCell` takes. */
  bodyIndex: number;
}

/** A cell's typed value as trimmed text; "" for blank. */
export const textOf = (value: TypedValue | undefined): string => (value === null || value === undefined ? "" : String(value).trim());

/** A typed value as a finite number, or null. */
export const numberOf = (value: TypedValue | undefined): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

/** The Contracts table's 0-based header row: from the data, else a table whose header is row 1. */
export function contractsHeaderRow(data: TrackerData, table?: Pick<TableSnapshot, "row">): number {
  return table?.row ?? data.contractsTable?.row ?? 0;
}

/** A contract of the data as a list item. */
export function contractRef(contract: NormalisedRow, headerRow: number): ContractRef {
  const f = contract.fields;
  return {
    id: contractName(contract),
    title: textOf(f.title),
    supplier: textOf(f.supplier),
    row: contract.row,
    bodyIndex: contract.row - headerRow - 2,
  };
}

/**
 * Whether a register status says the contract is over (Terminated, Expired and replaced …), in the
 * escalation engine's own terms (core/escalationSummary statusMeaning): the summary leaves such contracts out.
 */
export function closedStatus(_data?: Pick<TrackerData, "settings" | "asOf">): (status: TypedValue | undefined) => boolean {
  return (status) => statusMeaning(status).closed;
}
