// "Add dates to my calendar": the tracker's dates to come as an iCalendar file, for the pane's
// download and the command line's `calendar` alike.
import { ContractDate, contractCalendar, unrecognisedTiersNote } from "../core/calendarDates";
import { calendarFile } from "../core/icalendar";
import type { TrackerData } from "./trackerData";

/** The calendar of a tracker: its text and the dates in it (for saying how many, and checking), and what the user should hear of. */
export interface TrackerCalendar {
  /**
   * The iCalendar file's text (RFC 5545), every line ended by CRLF; null where there is no date
   * (a calendar with no event is no valid file: say so, and save nothing).
   */
  ics: string | null;
  dates: ContractDate[];
  /**
   * One line on the running contracts that have no decide-by date because their tier is not
   * recognised (core/calendarDates unrecognisedTiersNote); "" where there are none.
   */
  tierNote: string;
}

/** How the calendar is made: see trackerCalendar. */
export interface CalendarOptions {
  /** When the file is made: it stamps every event. */
  now: Date;
  /** Keep only dates up to this many days after the as-of date. */
  withinDays?: number;
  /** The register's file name, said in each event. */
  source?: string;
  /**
   * Whether the tracker has a KPIs table: only then are performance assessment dates worked out
   * (from `data.kpis`). A register without one says nothing of KPIs, so it has none; the caller
   * says, since `data.kpis` is empty both for no table and for an empty one.
   */
  hasKpisTable: boolean;
}

/**
 * The tracker's dates from its as-of date on (up to `withinDays` ahead when given) as an
 * iCalendar file: one all-day event with a reminder for each (core/calendarDates, core/icalendar)
 * — decide-by, notice, performance assessment, termination notice, end and final expiry dates,
 * those overdue and still to act on put on the as-of date. No file (`ics` null) where there is none.
 * @example trackerCalendar(data, { now: new Date(), withinDays: 365, hasKpisTable: tables.has("KPIs") }).dates.length → 412
 */
export function trackerCalendar(data: TrackerData, options: CalendarOptions): TrackerCalendar {
  const { dates, unrecognisedTiers } = contractCalendar(data.contracts, data.settings, {
    asOf: data.asOf,
    withinDays: options.withinDays,
    endDates: data.endDates,
    locale: data.dateLocale,
    kpis: options.hasKpisTable ? data.kpis : undefined,
  });
  const ics = dates.length === 0 ? null : calendarFile(dates, { now: options.now, source: options.source, locale: data.dateLocale });
  return { ics, dates, tierNote: unrecognisedTiersNote(unrecognisedTiers) };
}

/**
 * What a calendar of no date says instead of being saved, naming the kinds of date looked for and
 * the days looked at: "No dates from 1 Jan 2060 on …", "No dates from 31 Jul 2025 to 31 Jul 2025 …".
 * `from` and `to` are dates in words; `to` null where every date to come was looked at.
 * @example noDatesMessage("1 Jan 2060", null) → "No dates from 1 Jan 2060 on: no decide-by, notice, performance assessment, termination notice, end or final expiry date, overdue or to come, so there is no calendar to save."
 */
export function noDatesMessage(from: string, to: string | null): string {
  return (
    `No dates from ${from} ${to === null ? "on" : `to ${to}`}: no decide-by, notice, performance assessment, termination notice, end or final expiry date, ` +
    "overdue or to come, so there is no calendar to save."
  );
}

/** The file name the calendar is saved under: "contract-dates-2026-11-30.ics" (the as-of date, ISO). */
export function calendarFileName(asOfIso: string): string {
  return `contract-dates-${asOfIso}.ics`;
}
