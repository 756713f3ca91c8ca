// The kinds of date a contract manager wants in their calendar (issue 14 point 3), one entry a kind
// of date. A kind says which date of a contract it is, whether a passed one is still an action to
// take, what to do on it and how early to be reminded; the calendar writer (core/icalendar) knows
// nothing of kinds, so a new kind of date is one entry in CALENDAR_DATE_KINDS and nothing else.
import type { ContractStatus } from "./contractStatus";
import { statusMeaning } from "./contractAssessment";
import { dateInWords } from "./dateWords";
import type { KpiDuties } from "./duties/performance";
import type { TypedValue } from "./normalise";
import type { TrackerSettings } from "./settings";

/** What a kind of date is given of a contract: its row, its computed columns and how dates are written. */
export interface DateFacts {
  fields: Readonly<Record<string, TypedValue>>;
  status: ContractStatus;
  /** The contract's real end date (serial), or null where it has none (then it has no notice date either). */
  end: number | null;
  locale: string;
  /** The day the calendar is made from (serial): a date already passed that still wants doing is put here. */
  asOf: number;
  settings: TrackerSettings;
  /**
   * What the Procurement Act's KPI duties say of the contract (core/duties/performance kpiDuties):
   * null where they do not reach it, or the tracker has no KPIs table to weigh them on.
   */
  kpiDuties: KpiDuties | null;
}

/** One kind of calendar date. */
export interface CalendarDateKind {
  /** Stable key, part of every event's UID: never rename one, or re-importing duplicates its events. */
  key: string;
  /** What the event is called before the contract's name: "Notice date". */
  label: string;
  /** The day it falls due (serial), passed or not, or null where the contract has none of this kind. */
  dateOf(facts: DateFacts): number | null;
  /**
   * Whether a date of this kind that has passed (`due` before the as-of date) is still an action to
   * take now: then the event is put on the as-of date, its reminder that morning, and says since
   * when it is overdue. Left out, or false, a passed date is left out of the calendar.
   */
  carriedForward?(facts: DateFacts, due: number): boolean;
  /** What to do, in one sentence for the event's description; `due` is the day it falls due (before `facts.asOf` when overdue). */
  whatToDo(facts: DateFacts, due: number): string;
  /**
   * How many days before the date the reminder goes off: the time the action takes; a contract's own
   * where it depends on it. Never before the as-of date (core/calendarDates brings it to that day).
   */
  reminderDays: number | ((facts: DateFacts) => number);
  /** Whether a contract its status calls closed can have a date of this kind (a termination notice, owed once it has ended); left out, none can. */
  ofClosedContracts?: boolean;
}

const textOf = (v: TypedValue | undefined): string => (v === null || v === undefined ? "" : String(v).trim());

/**
 * "Overdue since 8 Apr 2026" for a date that has passed, "" for one to come: how a carried-forward
 * event starts its description.
 * @example overdueSince(46120, 46351, "en-GB") → "Overdue since 8 Apr 2026"
 */
export function overdueSince(due: number, asOf: number, locale: string): string {
  return due < asOf ? `Overdue since ${dateInWords(due, locale)}` : "";
}

/** Whether the status records no decision (Extended, Notice given, Re-procurement under way …) and the contract has not ended: a decision can still be made. */
const undecidedAndRunning = (f: DateFacts): boolean => !statusMeaning(f.fields.status).decided && f.end !== null && f.end >= f.asOf;

// How a carried-forward decision is taken off the calendar: the status that records it.
const RECORD_DECISION = "Record the decision in Status (e.g. Extended, Notice given, Re-procurement under way) and the date leaves the calendar.";

/**
 * The notice date: the last day to give notice (the end date less the notice period), reminded four
 * weeks before; carried forward once passed while no decision is recorded and the contract runs.
 * @example NOTICE.dateOf(facts) → 46022 (31 Dec 2025, for an end on 31 Mar 2026 with 3 months' notice)
 */
export const NOTICE: CalendarDateKind = {
  key: "notice",
  label: "Notice date",
  dateOf: (f) => f.status.noticeDate,
  // A missed notice date is still a decision to make now, and the most pressing one (the summary
  // sends it to the board): carried forward until the status records the decision or the contract ends.
  carriedForward: undecidedAndRunning,
  whatToDo: (f, due) => {
    const period = `notice period ${textOf(f.fields.noticePeriod)}${f.end !== null ? `, before the end on ${dateInWords(f.end, f.locale)}` : ""}`;
    const late = overdueSince(due, f.asOf, f.locale);
    return late !== ""
      ? `${late}, the last day to give notice (${period}), with no decision recorded: decide now whether to extend, re-procure or let the contract end, ` +
          `and check the contract's terms for what notice given now still does. ${RECORD_DECISION}`
      : `Last day to give notice (${period}): decide whether to extend, re-procure or let the contract end, and give notice if it is to end.`;
  },
  // Four weeks: time to get a decision from the commercial lead and a letter out.
  reminderDays: 28,
};

/**
 * The contract's end date, reminded four weeks before; never carried forward (a contract that has
 * ended is a record to close, not an action still to take on time).
 * @example END.dateOf(facts) → 46112 (31 Mar 2026)
 */
export const END: CalendarDateKind = {
  key: "end",
  label: "Contract ends",
  dateOf: (f) => f.end,
  whatToDo: (f) =>
    textOf(f.fields.extensionOptions) !== ""
      ? `The contract ends unless an extension is taken (options: ${textOf(f.fields.extensionOptions)}): record the extension taken, or have the replacement or exit in place.`
      : "The contract ends: have the replacement or exit in place, and mark it closed once it has ended.",
  // Four weeks: enough to confirm the handover; the decision itself is the notice date's.
  reminderDays: 28,
};

/**
 * The final expiry: the end with every extension option taken, where that is later than the end,
 * reminded six months before; never carried forward.
 * @example FINAL_EXPIRY.dateOf(facts) → 46843 (31 Mar 2028, for an end on 31 Mar 2026 with options 1+1)
 */
export const FINAL_EXPIRY: CalendarDateKind = {
  key: "final-expiry",
  label: "Final expiry",
  // Only where extensions reach past the end date: otherwise it is the end date's event again.
  dateOf: (f) => (f.status.finalExpiry !== null && f.end !== null && f.status.finalExpiry > f.end ? f.status.finalExpiry : null),
  whatToDo: (f) =>
    `The last day the contract can run with every extension taken (${textOf(f.fields.extensionOptions)}): no further extension is possible, so the replacement must be in place.`,
  // Six months: a replacement procurement cannot start later than this and finish in time.
  reminderDays: 182,
};

/**
 * The decide-by date (core/rules/decideBy): the day to decide whether to extend, re-procure or let
 * the contract end, reminded four weeks before; carried forward once passed while no decision is
 * recorded, the contract runs and its notice date has not passed too.
 * @example DECIDE_BY.dateOf(facts) → 45842 (4 Jul 2025: the notice date 31 Dec 2025 less 180 days for no tier)
 */
export const DECIDE_BY: CalendarDateKind = {
  key: "decide-by",
  label: "Decide by",
  // The date core/rules/decideBy gives (the earlier of the end and notice dates, less the tier's
  // re-procurement lead time); none once the status records the decision, as on the dashboard.
  dateOf: (f) => (statusMeaning(f.fields.status).decided ? null : f.status.decideBy),
  // Passed with no decision recorded and the contract running, the decision is still to make, and
  // RAG calls it Amber: carried forward, until the notice date passes too, when the notice date's
  // event (carried forward in its turn) asks for the same decision, so the calendar holds one, not two.
  carriedForward: (f) => undecidedAndRunning(f) && !(f.status.noticeDate !== null && f.status.noticeDate < f.asOf),
  whatToDo: (f, due) => {
    const notice = f.status.noticeDate;
    const before = notice !== null && f.end !== null && notice < f.end ? `the notice date ${dateInWords(notice, f.locale)}` : f.end !== null ? `the end on ${dateInWords(f.end, f.locale)}` : "the end";
    const tier = textOf(f.fields.tier);
    const options = textOf(f.fields.extensionOptions);
    const choice = `whether to extend${options !== "" ? ` (options: ${options})` : ""}, re-procure or let the contract end`;
    const leadTime = `the re-procurement lead time${tier !== "" ? ` of a ${tier} contract` : ""}`;
    const late = overdueSince(due, f.asOf, f.locale);
    return late !== ""
      ? `${late}, with no decision recorded: decide now ${choice}: less than ${leadTime} is left before ${before}. ${RECORD_DECISION}`
      : `Decide ${choice}: from here there is only ${leadTime} left before ${before}.`;
  },
  // Four weeks, as for the notice date: time to put the choice to whoever makes it.
  reminderDays: 28,
};
