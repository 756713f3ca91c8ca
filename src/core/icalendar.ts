// Contract dates as an iCalendar file (RFC 5545), written by ical-generator, which escapes TEXT
// values (§3.3.11: backslash, semicolon, comma, line breaks) and folds lines at 75 octets (§3.1).
import ical, { ICalAlarmRelatesTo, ICalAlarmType, ICalEventTransparency } from "ical-generator";
import type { ContractDate } from "./calendarDates";
import { dateInWords, DEFAULT_DATE_LOCALE } from "./dateWords";
import { serialToDate } from "./dates";

/** How the file is written: the moment it is made (DTSTAMP, and the order of revisions) and the calendar's name. */
export interface CalendarFileChoice {
  /** When the file is made: every event's DTSTAMP (§3.8.7.2) and SEQUENCE come from it. */
  now: Date;
  /** The calendar's name, shown by clients that add it as a calendar of its own (X-WR-CALNAME). */
  name?: string;
  /** Where the contracts came from, said in each event ("register.xlsx"). */
  source?: string;
  locale?: string;
}

// Characters RFC 5545 §3.3.11 does not allow in TEXT (controls but tab), and the line breaks
// ical-generator does not turn into `\n` (NEL, LS, PS): each becomes a space, so a register's text
// never breaks a line of the file or starts a property of its own making.
// eslint-disable-next-line no-control-regex -- control characters are what is matched
const NOT_TEXT = /[\u0000-\u0008\u000A-\u001F\u007F\u0085\u2028\u2029]+/g;
const cellText = (text: string): string => text.replace(NOT_TEXT, " ").trim();

// SEQUENCE (§3.8.7.4) is "the revision": seconds since 2020 grow with every export, so a calendar
// that has the event already takes the newer one, and stay far within the 32-bit integer clients keep.
const SEQUENCE_EPOCH = Date.UTC(2020, 0, 1);
// Reminders go off at 09:00 on their day, not at midnight: an all-day event starts at 00:00.
const REMINDER_HOUR = 9;

/** A serial day as the UTC midnight ical-generator writes as a DATE (an all-day event, §3.3.4) without shifting it by a time zone. */
function utcDay(serial: number): Date {
  const d = serialToDate(serial);
  if (!d) throw new Error(`${serial} is not a date`);
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}

/** The event's heading: "Notice date: C-104 Cleaning services". */
export function eventSummary(d: ContractDate): string {
  return cellText(`${d.label}: ${d.contractId}${d.title ? ` ${d.title}` : ""}`);
}

/** The event's description, one fact a line: what to do first. */
function eventDescription(d: ContractDate, choice: CalendarFileChoice): string {
  const locale = choice.locale ?? DEFAULT_DATE_LOCALE;
  const lines = [
    d.whatToDo,
    // The day it fell due, not the as-of date an overdue one is put on.
    `${d.label}: ${dateInWords(d.due, locale)}${d.due < d.date ? " (overdue)" : ""}`,
    `Contract: ${d.contractId}${d.title ? ` — ${d.title}` : ""}`,
    d.supplier ? `Supplier: ${d.supplier}` : "",
    d.contractManager ? `Contract manager: ${d.contractManager}` : "",
    d.department ? `Department: ${d.department}` : "",
    `From ${choice.source ? `${choice.source}, ` : ""}row ${d.row} (Contract Tracker for Excel)`,
  ];
  return lines.filter(Boolean).map(cellText).join("\n");
}

/**
 * An iCalendar file (RFC 5545) of contract dates: one all-day event each (DTSTART;VALUE=DATE and
 * the next day as DTEND, §3.6.1), shown as free time (TRANSP:TRANSPARENT, §3.8.2.7) so it blocks
 * no meeting, with a display reminder (VALARM, §3.6.6) at 09:00 the date's `reminderDays` before,
 * and the date's stable UID (§3.8.4.7), so importing a newer file updates each event in place.
 * Text from the register is written as text: escaped, on its own line, never a property. Every
 * line ends with CRLF, the last (END:VCALENDAR) too (§3.1).
 * @throws Error when there is no date (§3.6: a calendar has at least one component, so an empty one
 * is no valid file: say there is nothing instead), or a date is not a day of the calendar (calendarDates gives none such)
 * @example calendarFile(calendarDates(rows, settings, { asOf }), { now: new Date() }).startsWith("BEGIN:VCALENDAR\r\n") → true
 */
export function calendarFile(dates: readonly ContractDate[], choice: CalendarFileChoice): string {
  if (dates.length === 0) throw new Error("A calendar file needs at least one date (RFC 5545 §3.6)");
  const calendar = ical({ prodId: { company: "Contract Tracker for Excel", product: "Contract dates", language: "EN" }, name: choice.name ?? "Contract dates" });
  const sequence = Math.max(0, Math.floor((choice.now.getTime() - SEQUENCE_EPOCH) / 1000));
  for (const d of dates) {
    const summary = eventSummary(d);
    const event = calendar.createEvent({
      id: d.uid,
      sequence,
      stamp: choice.now,
      start: utcDay(d.date),
      end: utcDay(d.date + 1),
      allDay: true,
      summary,
      description: eventDescription(d, choice),
      categories: [{ name: "Contracts" }, { name: d.label }],
      transparency: ICalEventTransparency.TRANSPARENT,
    });
    const before = d.reminderDays * 86_400 - REMINDER_HOUR * 3_600;
    const alarm = event.createAlarm({ type: ICalAlarmType.display, trigger: before, description: summary });
    // A reminder on the event's own day is after its start (00:00), which ical-generator writes
    // against the END unless told (and takes no relatesTo when the alarm is made): tied to the START
    // (§3.8.6.3 RELATED), it goes off that morning, not the next.
    if (before < 0) alarm.relatesTo(ICalAlarmRelatesTo.start);
  }
  // ical-generator ends the last line without its CRLF, which §3.1 asks of every content line.
  const text = calendar.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}
