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

/**
 * The tracker's dates from its as-of date on (up to `withinDays` ahead when given) as an
 * iCalendar file: one all-day event with a reminder for each (core/calendarDates, core/icalendar).
 * `now` stamps the file; `source` names the register in each event.
 * @example trackerCalendar(data, { now: new Date(), withinDays: 365 }).dates.length → 412
 */
export function trackerCalendar(data: TrackerData, options: { now: Date; withinDays?: number; source?: string }): TrackerCalendar {
  const dates = calendarDates(data.contracts, data.settings, { asOf: data.asOf, withinDays: options.withinDays, endDates: data.endDates, locale: data.dateLocale });
  return { ics: calendarFile(dates, { now: options.now, source: options.source, locale: data.dateLocale }), dates };
}

/** The file name the calendar is saved under: "contract-dates-2026-11-30.ics" (the as-of date, ISO). */
export function calendarFileName(asOfIso: string): string {
  return `contract-dates-${asOfIso}.ics`;
}
