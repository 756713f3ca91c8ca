import type { TrackerSettings } from "../settings";

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
