import { dateWordsNumberFormat } from "../core/dateWords";
import { ContractsById, WHICH_CONTRACT, contractsById, relatedByContract } from "../core/contractNames";
import { formatSerial } from "../core/dates";
import type { NormalisedRow } from "../core/normalise";
import { assessContract } from "../core/contractAssessment";
import { DECISIONS_WITHIN_DAYS, EscalationSummary, SummaryContract } from "../core/summaryTypes";
import { RECENT_DAYS, comingDecisionLine, comingDecisionsHeading, recentChangeLines, staleText, summaryHeadlines, summaryTitle, unratedText, valueAtRiskText } from "../core/summaryRender";
import type { CellValue, ReportSheet, WorkbookPort } from "../workbook/port";
import { datedIdPrefix, idSequence } from "./formInput";
import { ReadOptions, TrackerData, readTracker, summarise } from "./trackerData";
import { appendTrackerRows } from "./trackerTables";
import { trackerDuties } from "./procurementDuties";
import type { DutyFinding } from "../core/duties/procurementDuties";
import { dutiesHeading, dutyLines } from "../core/dutiesRender";

/** A1 of every summary sheet: a sheet is replaced only when its A1 starts with this. */
export const SUMMARY_MARKER = "Escalation summary";

/** Who log entries are raised by when the user's name is not known. */
export const TRACKER_NAME = "Contract Tracker";

export const SUMMARY_HEADERS = [
  "Rank", "Contract ID", "Title", "Supplier", "Contract manager", "RAG", "Level", "Escalate to", "Reasons",
  "Days to expiry", "Notice date", "Decide by", "Days to decide", "Worst slippage (days)", "Recommended action",
] as const;

const RAG_COLOURS = { Red: "#C00000", Amber: "#FFC000", Green: "#00B050", Unrated: "#A6A6A6" } as const;

export interface EscalationOptions extends ReadOptions {
  /** Who raises log entries; default "Contract Tracker". */
  raisedBy?: string;
}

export interface SummaryRunReport {
  summary: EscalationSummary;
  sheet: string;
  /** True when an earlier summary sheet of the same day was replaced. */
  replaced: boolean;
  /** Escalation IDs added to the log. */
  logged: string[];
}

/** Duties written above the summary's table; the pane's dashboard lists every one. */
const DUTIES_ON_SHEET = 10;
/** Decide-by dates coming up written above the summary's table; the pane's dashboard lists every one. */
const DECISIONS_ON_SHEET = 10;

/** The summary sheet's name for an as-of date: `Escalations 2026-11-25`. */
export const summarySheetName = (asOf: number): string => `Escalations ${formatSerial(asOf, "iso")}`;

/** The week's changes as the sheet says them, beside "What changed". */
function changesText(summary: EscalationSummary): string {
  const changes = recentChangeLines(summary);
  return changes.length ? `In the last ${RECENT_DAYS} days: ${changes.join("; ")}.` : `Nothing in the last ${RECENT_DAYS} days.`;
}

/**
 * The decide-by dates coming up as heading rows: "Decisions due" with how many, then a line each
 * (up to DECISIONS_ON_SHEET, worded as the text summary words them) and how many more. Every contract
 * is counted, escalated or not: a decision due in 30 days is news before the contract turns amber.
 */
function decisionRows(summary: EscalationSummary): CellValue[][] {
  const coming = summary.decisionsComing;
  if (coming.length === 0) return [["Decisions due", `None: no decide-by date in the next ${DECISIONS_WITHIN_DAYS} days.`]];
  const shown = coming.slice(0, DECISIONS_ON_SHEET);
  const more = coming.length - shown.length;
  return [
    ["Decisions due", comingDecisionsHeading(summary)],
    ...shown.map((d): CellValue[] => ["", comingDecisionLine(d, summary.dateLocale)]),
    ...(more > 0 ? [["", `and ${more.toLocaleString("en-GB")} more: the dashboard in the task pane lists them all`]] : []),
  ];
}

/**
 * The summary as a report sheet: heading rows (who needs to act; every contract read split into
 * live, unrated, probably closed and closed; the value at risk in words; what changed; the decide-by
 * dates coming up, a line each up to a limit; the unrated
 * and the probably closed in a line each; the count at each level), then the table of every
 * escalated contract ranked, with RAG fills (dates in words, as its sentences write them: core/dateWords), and a chart of RAG counts.
 * The table is never cut: the pane and the email copies list up to a limit and send readers here.
 */
export function summaryReport(summary: EscalationSummary, duties: readonly DutyFinding[] = []): ReportSheet {
  const [attention, read] = summaryHeadlines(summary);
  const heading: CellValue[][] = [
    [summaryTitle(summary)],
    [attention],
    [read],
    ["Value at risk", valueAtRiskText(summary.valueAtRisk)],
    ["What changed", changesText(summary)],
    ...decisionRows(summary),
    ["Unrated", unratedText(summary) ?? "None: every live contract has a real end date."],
    ["Probably closed", staleText(summary) ?? `None: no contract ended more than ${summary.staleAfterDays} days ago without a closing status.`],
    ...([3, 2, 1] as const).map((l): CellValue[] => [`Level ${l} — ${summary.ladder[l]}`, summary.byLevel[l]]),
    // The Procurement Act 2023 duties (core/duties), a line each up to the list's limit: the pane's dashboard lists them all.
    ...(duties.length === 0 ? [] : [["Procurement Act 2023", dutiesHeading(duties)], ...dutyLines(duties, DUTIES_ON_SHEET).shown.map((line): CellValue[] => ["", line])]),
  ];
  const rows = summary.contracts.map((c, i): CellValue[] => [
    i + 1, c.id, c.title, c.supplier, c.contractManager, c.rag ?? "Unrated", c.level, c.escalateTo, c.reasons.join("; "),
    c.daysToExpiry, c.noticeDate, c.decideBy, c.daysToDecide, c.worstSlippage, c.action,
  ]);
  const { red, amber, green, unrated } = summary.counts;
  return {
    sheet: summarySheetName(summary.asOf),
    marker: SUMMARY_MARKER,
    heading,
    table: {
      name: `EscalationSummary_${formatSerial(summary.asOf, "iso").replace(/-/g, "")}`,
      headers: SUMMARY_HEADERS,
      rows,
      ragColumn: "RAG",
      numberFormats: {
        "Notice date": dateWordsNumberFormat(summary.dateLocale),
        "Decide by": dateWordsNumberFormat(summary.dateLocale),
        "Days to expiry": "0",
        "Days to decide": "0",
        "Worst slippage (days)": "0",
      },
    },
    chart: {
      title: "Contracts by RAG",
      points: [
        { label: "Red", value: red, color: RAG_COLOURS.Red },
        { label: "Amber", value: amber, color: RAG_COLOURS.Amber },
        { label: "Green", value: green, color: RAG_COLOURS.Green },
        { label: "Unrated", value: unrated, color: RAG_COLOURS.Unrated },
      ],
    },
  };
}

/**
 * A log entry for a contract escalated at `level`, by the Escalations table's fields; `which` says
 * which contract it is where other rows share its ID (core/contractNames), else null.
 */
function logEntry(id: string, c: SummaryContract, asOf: number, raisedBy: string, level: number, reason: string, which: string | null): Record<string, CellValue> {
  return { escalationId: id, contractId: c.id, [WHICH_CONTRACT]: which, raisedAt: asOf, raisedBy, level, rag: c.rag, reason, action: c.action, owner: c.escalateTo, status: "Open" };
}

/** What a log entry for the summary's contract says in Which contract: found by its sheet row. */
function whichOf(index: ContractsById<NormalisedRow>, byRow: ReadonlyMap<number, NormalisedRow>, c: SummaryContract): string | null {
  const contract = byRow.get(c.row);
  return contract ? index.whichContract(contract) : null;
}

/** Escalation IDs `ESC-20261125-001` …, never one already in the log. */
const escalationIds = (data: TrackerData): (() => string) =>
  idSequence(datedIdPrefix("ESC", data.asOf), data.escalations.map((r) => String(r.fields.escalationId ?? "")));

/**
 * The one-click escalation summary: reads every tracker table, writes the sheet
 * `Escalations YYYY-MM-DD` (replacing the one of the same day, never another sheet) and logs each
 * newly escalated contract once: a contract with an open log entry at its level or above is not
 * logged again, so a second run the same day adds nothing.
 */
export async function runEscalationSummary(port: WorkbookPort, options: EscalationOptions = {}): Promise<SummaryRunReport> {
  const { data, tables, contractsTable } = await readTracker(port, options, ["Changes"]);
  const summary = summarise(data);
  const report = summaryReport(summary, trackerDuties(data, tables, contractsTable));
  const { replaced } = await port.writeReportSheet(report);
  const newId = escalationIds(data);
  const fresh = summary.contracts.filter((c) => c.openEscalation === null);
  const index = contractsById(data.contracts);
  const byRow = new Map(data.contracts.map((c) => [c.row, c]));
  const entries = fresh.map((c) => logEntry(newId(), c, data.asOf, options.raisedBy ?? TRACKER_NAME, c.level, c.reasons.join("; "), whichOf(index, byRow, c)));
  await appendTrackerRows(port, "Escalations", tables.get("Escalations"), entries, data.settings.dateOrder);
  const logged = entries.map((e) => String(e.escalationId));
  return { summary, sheet: report.sheet, replaced, logged };
}

export interface EscalateSelectedReport {
  /** Contracts logged, with their new Escalation IDs. */
  logged: { id: string; contract: string; level: number }[];
  /** Contracts skipped because the log already has an entry for them raised today at that level. */
  alreadyLogged: string[];
}

/**
 * Logs an escalation for each selected row of the Contracts table, at the ladder's level (at least 1:
 * the user chose to escalate). A second click the same day adds nothing for the same contract.
 */
export async function escalateSelected(port: WorkbookPort, options: EscalationOptions = {}): Promise<EscalateSelectedReport> {
  const { data, contractsTable, tables } = await readTracker(port, options);
  const selected = await port.selectedTableRows(contractsTable.name);
  if (selected.length === 0) throw new Error(`Select one or more contract rows in the ${contractsTable.name} table, then click Escalate selected`);
  const byRow = new Map(data.contracts.map((c) => [c.row, c]));
  // Each selected row is its own contract, even where rows share an ID (core/contractNames).
  const index = contractsById(data.contracts);
  const milestonesOf = relatedByContract(index, data.milestones);
  const kpisOf = relatedByContract(index, data.kpis);
  const logOf = relatedByContract(index, data.escalations);
  const newId = escalationIds(data);
  const report: EscalateSelectedReport = { logged: [], alreadyLogged: [] };
  const entries: { id: string; contract: SummaryContract; level: number; which: string | null }[] = [];
  for (const at of selected) {
    const contract = byRow.get(contractsTable.row + 2 + at);
    if (!contract) continue;
    const related = { escalations: logOf.get(contract) };
    const assessed = assessContract(contract, { ...related, milestones: milestonesOf.get(contract), kpis: kpisOf.get(contract) }, data.settings, data.asOf, data.ladder, data.endDates, data.dateLocale);
    const level = Math.max(1, assessed.level);
    const today = (related.escalations ?? []).some((r) => r.fields.raisedAt === data.asOf && Number(r.fields.level ?? 0) >= level);
    if (today || entries.some((e) => e.contract.row === assessed.row)) {
      report.alreadyLogged.push(assessed.id);
      continue;
    }
    entries.push({ id: newId(), contract: { ...assessed, escalateTo: data.ladder[level as 1 | 2 | 3] }, level, which: index.whichContract(contract) });
  }
  await appendTrackerRows(
    port,
    "Escalations",
    tables.get("Escalations"),
    entries.map((e) => logEntry(e.id, e.contract, data.asOf, options.raisedBy ?? TRACKER_NAME, e.level, ["Escalated by hand", ...e.contract.reasons].join("; "), e.which)),
    data.settings.dateOrder,
  );
  report.logged = entries.map((e) => ({ id: e.id, contract: e.contract.id, level: e.level }));
  return report;
}

/**
 * Filters the Contracts table to the exit window: contracts whose Days to expiry is between 0 and
 * the Settings table's exit_window_days. Returns the window used.
 */
export async function expiringSoon(port: WorkbookPort, options: ReadOptions = {}): Promise<{ windowDays: number; table: string }> {
  const { data, contractsTable } = await readTracker(port, options);
  if (!contractsTable.headers.includes("Days to expiry")) throw new Error(`The ${contractsTable.name} table has no Days to expiry column: set the tracker up first (Contracts tab › Set up tracker)`);
  await port.filterTable(contractsTable.name, "Days to expiry", { atLeast: 0, atMost: data.settings.exitWindowDays });
  return { windowDays: data.settings.exitWindowDays, table: contractsTable.name };
}

/** Shows every contract again after Expiring soon. */
export async function clearExpiringFilter(port: WorkbookPort, table = "Contracts"): Promise<void> {
  await port.filterTable(table, "Days to expiry", null);
}
