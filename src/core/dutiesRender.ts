/**
 * The Procurement Act 2023 duties (core/duties) as the escalation summary writes them: a short
 * section after the levels, in text, Markdown and HTML, and their JSON. Cell text is made inert by
 * the caller's escaper for Markdown and HTML, as everywhere in the summary.
 */
import { formatSerial } from "./dates";
import type { DutyFinding } from "./duties/procurementDuties";

const count = (n: number): string => n.toLocaleString("en-GB");

/**
 * The section's heading: how many duties, and how many need action now.
 * @example dutiesHeading([urgent, comingDue]) → "Procurement Act 2023: 2 duties, 1 needing action now"
 */
export function dutiesHeading(duties: readonly DutyFinding[]): string {
  const now = duties.filter((d) => d.urgent).length;
  return `Procurement Act 2023: ${count(duties.length)} ${duties.length === 1 ? "duty" : "duties"}${now > 0 ? `, ${count(now)} needing action now` : ""}`;
}

/**
 * One duty on a line: its section, the contract (and its file, in a roll-up), what is found with its figures, and what to do.
 * @example dutyLine(duty) → "[s.80] C-7 Cleaning: Terminated on 15 Nov 2026: termination notice due by 15 Dec 2026 (in 20 days). Publish a contract termination notice, …"
 */
export function dutyLine(duty: DutyFinding): string {
  return `[${duty.section}] ${duty.id}${duty.title ? ` ${duty.title}` : ""}${duty.file !== undefined ? ` · in ${duty.file}` : ""}: ${duty.what}. ${duty.action}`;
}

/** The duties listed, up to `limit` (0: all), and "and N more" for the rest. */
export function dutyLines(duties: readonly DutyFinding[], limit: number): { shown: string[]; more: number } {
  const shown = limit > 0 ? duties.slice(0, limit) : duties;
  return { shown: shown.map(dutyLine), more: duties.length - shown.length };
}

/**
 * The duties in the summary's JSON: every one, dates ISO; in a roll-up each names its `file`.
 * @example dutiesJson([duty])[0] → { kind: "termination", section: "s.80", id: "C-7", row: 9, urgent: true, dueDate: "2026-12-15", … }
 */
export function dutiesJson(duties: readonly DutyFinding[]): unknown[] {
  return duties.map((d) => ({
    kind: d.kind,
    section: d.section,
    id: d.id,
    row: d.row,
    title: d.title,
    supplier: d.supplier,
    contractManager: d.contractManager,
    urgent: d.urgent,
    what: d.what,
    action: d.action,
    dueDate: d.dueDate === null ? null : formatSerial(d.dueDate, "iso"),
    ...(d.kind === "assessment" ? { suggestedRating: d.suggestedRating ?? null, confirmedRating: d.confirmedRating ?? null } : {}),
    ...(d.file !== undefined ? { file: d.file } : {}),
  }));
}
