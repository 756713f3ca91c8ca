import { readDateCell } from "./cellValues";
import { DateOrder, MAX_SERIAL, dateOrderEvidence, parseDateText } from "./dates";

/**
 * The lowest serial written as text that a date column may hold: 10000 (18/05/1927). Below it a
 * whole number in a date column is more likely something else — a year (`2025` would be
 * 17/07/1905), a count of days or months — and is reported as unparseable instead of read as a
 * day a century ago. Contract dates before 1927 written as bare serials are not worth that risk.
 */
export const LOWEST_TEXT_SERIAL = 10000;
/** The highest: 2958465 (31/12/9999), the last date Excel can show (a common "no end" stand-in, reported as such). */
export const HIGHEST_TEXT_SERIAL = MAX_SERIAL;

const WHOLE_NUMBER = /^\d{1,7}$/;

/**
 * The serial a text cell holds when it is a whole number in the range a date column's serials
 * may take (LOWEST_TEXT_SERIAL … HIGHEST_TEXT_SERIAL), else null.
 * @example textSerial(" 45747 ") → 45747; textSerial("2025") → null; textSerial("45747.5") → null
 */
export function textSerial(value: string): number | null {
  const text = value.trim();
  if (!WHOLE_NUMBER.test(text)) return null;
  const serial = Number(text);
  return serial >= LOWEST_TEXT_SERIAL && serial <= HIGHEST_TEXT_SERIAL ? serial : null;
}

function isDateValue(value: unknown, order: DateOrder): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "number" || value instanceof Date) return readDateCell(value, order).ok;
  if (typeof value !== "string") return false;
  if (value.trim() === "") return true;
  return textSerial(value) !== null || parseDateText(value, order).ok;
}

/**
 * Whether the whole numbers written as text in a date column (`45747`, what a CSV saved from a
 * General-formatted column holds) are Excel serials: true only when every non-blank value of the
 * column is a date cell (a number Excel can show as a date, or a Date), a text date in the given
 * order, or a whole number from 10000 (18/05/1927) to 2958465 (31/12/9999). One value of any
 * other kind — a name, `TBC`, a year such as `2025`, a decimal — and the column's numbers are not
 * read as dates, so an ID or amount column is never turned into dates. A column of blanks is true
 * (nothing to misread).
 * @example serialsAreDates(["45747", "31/03/2025", ""], "dmy") → true; serialsAreDates(["45747", "TBC"], "dmy") → false; serialsAreDates(["2024", "2025"], "dmy") → false
 */
export function serialsAreDates(values: readonly unknown[], order: DateOrder): boolean {
  for (const value of values) if (!isDateValue(value, order)) return false;
  return true;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
// `/`, `.` and `-`, the separators of numeric dates.
const isSeparator = (code: number): boolean => code === 47 || code === 46 || code === 45;

/**
 * The first day/month order a column's text dates prove (`25/03/2015` day-first, `03/25/2015`
 * month-first), or null when none does. Text that cannot be a numeric date (it does not start with
 * one or two digits and a separator) is passed over without a regular expression: columns of
 * 100,000 titles are scanned too.
 * @example columnDateOrder(["", "03/04/2015", "25/03/2015"]) → "dmy"; columnDateOrder(["Cleaning", 45747]) → null
 */
export function columnDateOrder(values: Iterable<unknown>): DateOrder | null {
  for (const value of values) {
    if (typeof value !== "string") continue;
    const text = value.trimStart();
    if (!isDigit(text.charCodeAt(0)) || !(isSeparator(text.charCodeAt(1)) || isSeparator(text.charCodeAt(2)))) continue;
    const evidence = dateOrderEvidence(text);
    if (evidence) return evidence;
  }
  return null;
}
