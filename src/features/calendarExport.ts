// "Add dates to my calendar": the tracker's dates to come as an iCalendar file, for the pane's
// download and the command line's `calendar` alike.
import { ContractDate, calendarDates } from "../core/calendarDates";
import { calendarFile } from "../core/icalendar";
import type { TrackerData } from "./trackerData";

/** The calendar of a tracker: its text and the dates in it (for saying how many, and checking). */
export interface TrackerCalendar {
  /** The iCalendar file's text (RFC 5545), lines ended by CRLF. */
  ics: string;
  dates: ContractDate[];
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
 * — decide-by, notice, performance assessment, end and final expiry dates.
 * @example trackerCalendar(data, { now: new Date(), withinDays: 365, hasKpisTable: tables.has("KPIs") }).dates.length → 412
 */
export function trackerCalendar(data: TrackerData, options: CalendarOptions): TrackerCalendar {
  const dates = calendarDates(data.contracts, data.settings, {
    asOf: data.asOf,
    withinDays: options.withinDays,
    endDates: data.endDates,
    locale: data.dateLocale,
    kpis: options.hasKpisTable ? data.kpis : undefined,
  });
  return { ics: calendarFile(dates, { now: options.now, source: options.source, locale: data.dateLocale }), dates };
}

/** The file name the calendar is saved under: "contract-dates-2026-11-30.ics" (the as-of date, ISO). */
export function calendarFileName(asOfIso: string): string {
  return `contract-dates-${asOfIso}.ics`;
}
