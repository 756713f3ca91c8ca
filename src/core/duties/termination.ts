import type { TypedValue } from "../normalise";
import type { TrackerSettings } from "../settings";
import { terminationStatus } from "../statusPhrases";
import { dutyStanding } from "./scope";

/** When a terminated contract's termination notice is due, and how far off that is. */
export interface TerminationCheck {
  /** The day it was terminated (the register's end date), an Excel serial; null where not known. */
  terminatedOn: number | null;
  /** terminatedOn plus the notice days; null where the termination date is not known. */
  noticeDue: number | null;
  /** Days from the as-of date to noticeDue (negative once overdue). */
  daysToDue: number | null;
}

/**
 * The contract termination notice of Procurement Act 2023 s.80: a contracting authority must
 * publish one within 30 days of a public contract being terminated (`terminationNoticeDays`). The
 * termination date is the register's end date where it is on or before the as-of date (a
 * terminated contract's end date is when it ended); otherwise it is not known and the notice is
 * due from whenever it was.
 * @example terminationCheck(46000, DEFAULT_SETTINGS, 46010) → { terminatedOn: 46000, noticeDue: 46030, daysToDue: 20 }
 */
export function terminationCheck(endDate: number | null, settings: Pick<TrackerSettings, "terminationNoticeDays">, asOf: number): TerminationCheck {
  if (endDate === null || endDate > asOf) return { terminatedOn: null, noticeDue: null, daysToDue: null };
  const noticeDue = endDate + settings.terminationNoticeDays;
  return { terminatedOn: endDate, noticeDue, daysToDue: noticeDue - asOf };
}

type TerminationSettings = Pick<TrackerSettings, "procurementActDuties" | "actCommencementDate" | "terminationNoticeDays" | "staleAfterDays">;

/**
 * The s.80 termination notice a contract still owes, from its row (Status, Start date, End date):
 * null where it owes none — Settings switch the Act's duties off (`procurement_act_duties`), it was
 * procured before the Act (`act_commencement_date`), its status does not say it was terminated, or
 * says the notice is published (`Terminated – notice published`), or it was terminated more than
 * `stale_after_days` ago (a record nobody closed, not a notice still to publish). Otherwise the
 * check: when it was terminated and the notice is due (both null where the end date does not say).
 * The one rule the pane's duties, the summary and the calendar's termination notice dates follow.
 * @example terminationNoticeOwed({ status: "Terminated", endDate: 46000 }, DEFAULT_SETTINGS, 46010) → { terminatedOn: 46000, noticeDue: 46030, daysToDue: 20 }
 * @example terminationNoticeOwed({ status: "Terminated - notice published", endDate: 46000 }, DEFAULT_SETTINGS, 46010) → null
 */
export function terminationNoticeOwed(fields: Readonly<Record<string, TypedValue>>, settings: TerminationSettings, asOf: number): TerminationCheck | null {
  if (!settings.procurementActDuties || dutyStanding(fields, settings.actCommencementDate) !== "terminated") return null;
  if (terminationStatus(String(fields.status ?? "").trim()).noticeRecorded) return null;
  const end = fields.endDate;
  const check = terminationCheck(typeof end === "number" && Number.isFinite(end) ? end : null, settings, asOf);
  if (check.terminatedOn !== null && asOf - check.terminatedOn > settings.staleAfterDays) return null;
  return check;
}
