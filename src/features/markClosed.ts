/**
 * Mark as closed: the pane's way to confirm that contracts the summary calls "probably closed"
 * (ended long ago, no closing status) are over. It writes a closing status into each contract's
 * Status cell and nothing else. What the user had typed there is kept in the new text
 * (`Closed (was: Live)`), and text is written as text, never as a formula. A register without a
 * Status column gets one, added at the right of the Contracts table, where no cell of the user's is.
 * The work is split in two so the pane can show exactly what will be written where before it is:
 * `planClosing` reads and says; `markClosed` checks nothing changed since, then writes.
 */
import { columnLetters } from "../core/cellRefs";
import { contractName } from "../core/contractNames";
import { statusMeaning } from "../core/contractAssessment";
import type { CellValue, TableSnapshot, WorkbookPort } from "../workbook/port";
import { contractRef } from "./paneData";
import { rememberFieldColumn } from "./savedMappingRecord";
import { ReadOptions, TrackerData, readTracker } from "./trackerData";

/** What a blank Status cell becomes, and the word every closing status starts with. */
export const CLOSED = "Closed";

/** Headers tried, in turn, for a Status column the register lacks (one may be taken by a column mapped to something else). */
export const STATUS_HEADERS = ["Status", "Contract status", "Closing status"] as const;

/** Excel's limit on the characters of one cell. */
const CELL_CHARACTERS = 32_767;

/** A cell's value as the text a person sees in it. */
function shownText(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value).trim();
}

/**
 * The closing status for a Status cell holding `previous`: `Closed` for a blank cell; otherwise
 * `Closed (was: …)` with the old text kept, so nothing the user typed is lost. It starts with
 * "Closed", so the status reader (core/statusPhrases) reads it as closed whatever the old text said.
 * @example closingStatus(null) → "Closed"; closingStatus("Live - to be replaced") → "Closed (was: Live - to be replaced)"
 */
export function closingStatus(previous: CellValue): string {
  const text = shownText(previous);
  return text === "" ? CLOSED : `${CLOSED} (was: ${text})`;
}

/** A contract to mark closed, as the pane read it: its 1-based sheet row and its name (ID, or `Row 14`). */
export interface ClosingTarget {
  row: number;
  id: string;
}

/** One cell to write. */
export interface ClosingWrite {
  id: string;
  title: string;
  /** 1-based sheet row, and 0-based place in the Contracts table's body. */
  row: number;
  bodyIndex: number;
  /** The cell as Excel names it on its sheet, e.g. `Q30`. */
  cell: string;
  /** The cell's value now (null when blank or when the column is still to be added). */
  before: CellValue;
  after: string;
}

/** What Mark as closed would do: which column of which table, whether it is added first, and each cell. */
export interface ClosingPlan {
  table: string;
  sheet: string;
  /** The Status column's header, and its letter on the sheet. */
  column: string;
  columnLetter: string;
  /** The register has no Status column: one headed `column` is added at the right of the table, after `addedAfter`. */
  addColumn: boolean;
  addedAfter: string | null;
  writes: ClosingWrite[];
  /** Contracts asked for and left alone, with why in a sentence. */
  skipped: { id: string; reason: string }[];
}

/** Where the Status column is, or the one to add. Throws a one-line reason when none can be added. */
function statusColumn(data: TrackerData, table: TableSnapshot): { header: string; index: number; add: boolean } {
  const mapped = data.contractColumns.status;
  if (mapped) return { header: mapped.column, index: mapped.index, add: false };
  const taken = new Set(table.headers.map((h) => h.trim().toLowerCase()));
  const header = STATUS_HEADERS.find((h) => !taken.has(h.toLowerCase()));
  if (header === undefined) {
    throw new Error(`The ${table.name} table has no column read as the contract's status, and its columns ${STATUS_HEADERS.map((h) => `"${h}"`).join(", ")} hold something else: map one as Status in Set up, then mark the contracts closed`);
  }
  return { header, index: table.headers.length, add: true };
}

/**
 * Reads the tracker and says what marking these contracts closed would write: the Status cell of
 * each (by its row, so contracts that share an ID are told apart), its value now and the closing
 * status it would get. A contract already closed by its status, one no longer at the row the pane
 * read (the register was sorted or edited since), or one whose status is too long to keep is
 * skipped with the reason. Changes nothing.
 * @example (await planClosing(port, [{ row: 30, id: "NBC-C-0127" }])).writes[0] → { id: "NBC-C-0127", cell: "Q30", before: null, after: "Closed", … }
 */
export async function planClosing(port: WorkbookPort, targets: readonly ClosingTarget[], options: ReadOptions = {}): Promise<ClosingPlan> {
  const { data, contractsTable } = await readTracker(port, options);
  const status = statusColumn(data, contractsTable);
  const columnLetter = columnLetters(contractsTable.column + status.index);
  const byRow = new Map(data.contracts.map((c) => [c.row, c]));
  const writes: ClosingWrite[] = [];
  const skipped: ClosingPlan["skipped"] = [];
  const seen = new Set<number>();
  for (const target of targets) {
    if (seen.has(target.row)) continue;
    seen.add(target.row);
    const contract = byRow.get(target.row);
    if (!contract || contractName(contract).toLowerCase() !== target.id.trim().toLowerCase()) {
      skipped.push({ id: target.id, reason: `${target.id} is no longer on row ${target.row} of the ${contractsTable.name} table` });
      continue;
    }
    const ref = contractRef(contract, contractsTable.row);
    const before: CellValue = status.add ? null : (contractsTable.rows[ref.bodyIndex]?.[status.index] ?? null);
    if (statusMeaning(contract.fields.status).closed) {
      skipped.push({ id: ref.id, reason: `${ref.id} is already closed: its status says "${shownText(before)}"` });
      continue;
    }
    const after = closingStatus(before);
    if (after.length > CELL_CHARACTERS) {
      skipped.push({ id: ref.id, reason: `The status of ${ref.id} is too long to keep beside "${CLOSED}" in one cell: shorten it, then mark it closed` });
      continue;
    }
    writes.push({ id: ref.id, title: ref.title, row: contract.row, bodyIndex: ref.bodyIndex, cell: `${columnLetter}${contract.row}`, before, after });
  }
  return {
    table: contractsTable.name,
    sheet: contractsTable.sheet,
    column: status.header,
    columnLetter,
    addColumn: status.add,
    addedAfter: status.add ? (contractsTable.headers[contractsTable.headers.length - 1] ?? null) : null,
    writes,
    skipped,
  };
}

/** What Mark as closed did. */
export interface MarkClosedReport {
  table: string;
  column: string;
  /** True when the Status column was added. */
  addedColumn: boolean;
  /** The contracts written, by name. */
  written: string[];
  /** How many of them the tracker, read again, now counts as closed (all, unless something is wrong). */
  closedNow: number;
}

/** Why the plan no longer holds, or null when planning again gives the same writes. */
function whatChanged(plan: ClosingPlan, again: ClosingPlan): string | null {
  if (again.table !== plan.table || again.column !== plan.column || again.addColumn !== plan.addColumn) return `the ${plan.table} table's Status column is not where it was`;
  if (again.skipped.length > 0) return again.skipped[0].reason;
  for (const [i, w] of again.writes.entries()) {
    const was = plan.writes[i];
    if (!was || w.id !== was.id || shownText(w.before) !== shownText(was.before)) return `the status of ${w.id} now says "${shownText(w.before)}"`;
  }
  return again.writes.length === plan.writes.length ? null : "the contracts are not those you confirmed";
}

/**
 * Writes the plan the user confirmed: adds the Status column if the plan says so (and remembers it
 * in the saved mapping as the contract's status), then writes each closing status as text. First it
 * plans again and refuses, writing nothing, if anything the plan showed has changed since (a status
 * edited, a row moved), so what is written is exactly what the user was shown. Then it reads the
 * tracker again and counts the contracts now closed.
 * @example (await markClosed(port, plan)).closedNow → 1
 */
export async function markClosed(port: WorkbookPort, plan: ClosingPlan, options: ReadOptions = {}): Promise<MarkClosedReport> {
  const changed = whatChanged(plan, await planClosing(port, plan.writes.map((w) => ({ row: w.row, id: w.id })), options));
  if (changed !== null) throw new Error(`Nothing was written: the register changed since you confirmed (${changed}). Read it again, then mark the contracts closed`);
  if (plan.writes.length === 0) return { table: plan.table, column: plan.column, addedColumn: false, written: [], closedNow: 0 };
  if (plan.addColumn) {
    await port.appendColumns(plan.table, [plan.column]);
    await rememberFieldColumn(port, "status", plan.column);
  }
  await port.updateTableCells(plan.table, plan.writes.map((w) => ({ row: w.bodyIndex, column: plan.column, value: w.after })));
  const { data } = await readTracker(port, options);
  const rows = new Set(plan.writes.map((w) => w.row));
  const closedNow = data.contracts.filter((c) => rows.has(c.row) && statusMeaning(c.fields.status).closed).length;
  return { table: plan.table, column: plan.column, addedColumn: plan.addColumn, written: plan.writes.map((w) => w.id), closedNow };
}
