/**
 * The Procurement Act 2023 duties of a tracker as read (core/duties): the Contracts, KPIs and
 * Changes tables, each contract with its place in the Contracts table so a view can select it.
 * Used by the pane's dashboard and card, the escalation summary and the command line.
 */
import { DutyFinding, procurementDuties } from "../core/duties/procurementDuties";
import { CHANGES, PERFORMANCE_RATINGS } from "../core/schema";
import type { TableSnapshot, WorkbookPort } from "../workbook/port";
import { PaneData, contractsHeaderRow } from "./paneData";
import { TrackerData, readTracker, relatedRows } from "./trackerData";

/** A duty with the contract's 0-based place in the Contracts table's body, for opening its card. */
export interface PaneDuty extends DutyFinding {
  bodyIndex: number;
}

/**
 * The duties of a tracker's data: KPI duties only where a KPIs table was read, change notices only
 * where a Changes table was (a bare register says nothing of either). Empty when Settings switch
 * the duties off (`procurement_act_duties` off).
 * @example trackerDuties(pane.data, pane.tables)[0] → { kind: "changeNotice", section: "s.75", id: "C-002", what: "Changes approved add £120,000: 12% of £1,000,000 (limit 10% for services)", bodyIndex: 1, … }
 */
export function trackerDuties(data: TrackerData, tables: ReadonlyMap<string, TableSnapshot> | { kpis?: TableSnapshot; changes?: TableSnapshot }, contractsTable?: Pick<TableSnapshot, "row">): PaneDuty[] {
  const kpisTable = "get" in tables ? tables.get("KPIs") : tables.kpis;
  const changesTable = "get" in tables ? tables.get("Changes") : tables.changes;
  const changes = changesTable ? relatedRows(changesTable, CHANGES, data.settings.dateOrder) : undefined;
  const headerRow = contractsHeaderRow(data, contractsTable);
  return procurementDuties({ contracts: data.contracts, kpis: kpisTable ? data.kpis : undefined, changes }, data.settings, data.asOf, data.dateLocale).map((duty) => ({
    ...duty,
    bodyIndex: duty.row - headerRow - 2,
  }));
}

/** The Performance rating column's header when confirming adds it. */
export const RATING_HEADER = "Performance rating";

/**
 * Records the rating the user confirmed for a contract's performance assessment (s.71) in its
 * Performance rating cell, adding the column to the Contracts table where it has none (nothing
 * else is moved or overwritten). The rating is one of the published ratings, never the user's
 * free text, so no cell becomes a formula.
 * @example await confirmRating(port, pane, 2, "Requires improvement") → { table: "Contracts", column: "Performance rating", added: true }
 */
export async function confirmRating(
  port: WorkbookPort,
  pane: Pick<PaneData, "data" | "contractsTable">,
  bodyIndex: number,
  rating: string,
): Promise<{ table: string; column: string; added: boolean }> {
  if (!(PERFORMANCE_RATINGS as readonly string[]).includes(rating)) throw new Error(`"${rating}" is not a published rating: choose ${PERFORMANCE_RATINGS.join(", ")}`);
  const table = pane.contractsTable.name;
  if (bodyIndex < 0 || bodyIndex >= pane.contractsTable.rows.length) throw new Error("That contract is no longer in the Contracts table: read the tracker again");
  const mapped = pane.data.contractColumns.performanceRating?.column;
  const existing = mapped ?? pane.contractsTable.headers.find((h) => h.replace(/\s+/g, " ").trim().toLowerCase() === RATING_HEADER.toLowerCase());
  const column = existing ?? RATING_HEADER;
  if (existing === undefined) await port.appendColumns(table, [RATING_HEADER]);
  await port.updateTableCells(table, [{ row: bodyIndex, column, value: rating }]);
  return { table, column, added: existing === undefined };
}

/**
 * The duties of the tracker in the workbook, read in one go (Contracts, KPIs, Changes, Settings):
 * what the ribbon's Act duties button says.
 */
export async function readTrackerDuties(port: WorkbookPort): Promise<{ duties: PaneDuty[]; switchedOff: boolean }> {
  const { data, tables, contractsTable } = await readTracker(port, {}, ["Changes"]);
  return { duties: trackerDuties(data, tables, contractsTable), switchedOff: !data.settings.procurementActDuties };
}

/**
 * The duties in a sentence or two for a notice: how many, how many need action now, and the first
 * few with their contract and what was found.
 * @example dutiesNotice(duties, false, 2) → "3 Procurement Act duties, 2 needing action now: C-3 Performance assessment overdue: by 30 Sept 2026 (…); C-4 Terminated on … and 1 more. The dashboard lists them all."
 */
export function dutiesNotice(duties: readonly DutyFinding[], switchedOff: boolean, shown = 3): string {
  if (switchedOff) return "The Procurement Act duties are switched off in Settings (procurement_act_duties).";
  if (duties.length === 0) return "No contract change notice, KPI, performance assessment or termination notice is due.";
  const now = duties.filter((d) => d.urgent).length;
  const first = duties.slice(0, shown).map((d) => `${d.id} ${d.what}`);
  const more = duties.length - first.length;
  return `${duties.length} Procurement Act ${duties.length === 1 ? "duty" : "duties"}${now > 0 ? `, ${now} needing action now` : ""}: ${first.join("; ")}${more > 0 ? ` and ${more} more` : ""}. The tracker pane's dashboard lists them all.`;
}
