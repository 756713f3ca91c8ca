// The termination notice a terminated contract owes (Procurement Act 2023 s.80), as a kind of
// calendar date. Whether it is owed and when it is due come from the duty's own rule
// (core/duties/termination terminationNoticeOwed), so the calendar, the pane's duties and the
// summary never disagree on it.
import type { CalendarDateKind, DateFacts } from "./calendarKinds";
import { overdueSince } from "./calendarKinds";
import { dateInWords } from "./dateWords";
import { terminationNoticeOwed } from "./duties/termination";

const owed = (f: DateFacts) => terminationNoticeOwed(f.fields, f.settings, f.asOf);

/**
 * The day a terminated contract's termination notice is due: `termination_notice_days` (30) after
 * its end date, the day it was terminated. None where the duty is not owed (Settings switch the
 * Act's duties off, the contract started before `act_commencement_date`, the status records the
 * notice, or it was terminated more than `stale_after_days` ago) or the end date does not say when it
 * was terminated (the pane's duties ask for it). The notice is owed until the status records it, so
 * one overdue is put on the as-of date, saying since when. Its reminder goes off `duty_warning_days`
 * before, which is the as-of date itself for a notice at most 30 days off.
 */
export const TERMINATION_NOTICE: CalendarDateKind = {
  key: "termination-notice",
  label: "Termination notice due",
  ofClosedContracts: true,
  dateOf: (f) => owed(f)?.noticeDue ?? null,
  carriedForward: () => true,
  whatToDo: (f, due) => {
    const terminatedOn = owed(f)?.terminatedOn ?? null;
    const late = overdueSince(due, f.asOf, f.locale);
    return (
      `${late !== "" ? `${late}: publish` : "Publish"} a contract termination notice, then note it in Status (e.g. Terminated – notice published) and the date leaves the calendar. ` +
      `Procurement Act 2023 s.80: within ${f.settings.terminationNoticeDays} days of termination${terminatedOn !== null ? `; terminated on ${dateInWords(terminatedOn, f.locale)}` : ""}.`
    );
  },
  reminderDays: (f) => f.settings.dutyWarningDays,
};
