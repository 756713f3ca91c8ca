import { Result, fail, ok } from "./result";

/** A calendar date as a person writes it; month is 1–12. @example { year: 2025, month: 3, day: 31 } */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** How slash dates such as `03/04/2025` are read: day-first (en-GB) or month-first (en-US). */
export type DateOrder = "dmy" | "mdy";

/** Serial of 31/12/9999, the last date Excel can show. */
export const MAX_SERIAL = 2958465;
/** Serial 60 is Excel's fictitious 29 Feb 1900 (kept for Lotus 1-2-3 compatibility). */
export const FICTITIOUS_LEAP_DAY = 60;

const UNIX_TO_SERIAL = 25569; // serial of 1970-01-01 for dates after 28 Feb 1900
const MARCH_1900_UNIX_DAYS = -25508; // 1900-03-01 in days since 1970-01-01

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
function unixDaysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

// Inverse of unixDaysFromCivil (H. Hinnant's civil_from_days).
function civilFromUnixDays(days: number): CalendarDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Whether a year has 29 February in Excel's calendar, where 1900 is (wrongly) a leap year. @example isExcelLeapYear(1900) → true */
export function isExcelLeapYear(year: number): boolean {
  return year === 1900 || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
}

/** Days in a month of Excel's calendar. @example daysInMonth(2024, 2) → 29 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isExcelLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether a serial is a whole date Excel can show (1 = 01/01/1900 … 2958465 = 31/12/9999). @example isValidSerial(45747) → true */
export function isValidSerial(serial: number): boolean {
  return Number.isInteger(serial) && serial >= 1 && serial <= MAX_SERIAL;
}

/**
 * The calendar date of a whole Excel serial (1900 date system), or null outside 1…2958465.
 * @example serialToDate(45747) → { year: 2025, month: 3, day: 31 }; serialToDate(60) → 29 Feb 1900
 */
export function serialToDate(serial: number): CalendarDate | null {
  if (!isValidSerial(serial)) return null;
  if (serial === FICTITIOUS_LEAP_DAY) return { year: 1900, month: 2, day: 29 };
  // Before the fictitious leap day Excel's serials are one day "ahead" of the real calendar.
  const unixDays = serial < FICTITIOUS_LEAP_DAY ? serial - UNIX_TO_SERIAL + 1 : serial - UNIX_TO_SERIAL;
  return civilFromUnixDays(unixDays);
}

/**
 * The Excel serial of a calendar date, or null when no such day exists in Excel's calendar.
 * @example dateToSerial(2025, 3, 31) → 45747; dateToSerial(1900, 2, 29) → 60; dateToSerial(2025, 2, 29) → null
 */
export function dateToSerial(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (year === 1900 && month === 2 && day === 29) return FICTITIOUS_LEAP_DAY;
  const unixDays = unixDaysFromCivil(year, month, day);
  return unixDays < MARCH_1900_UNIX_DAYS ? unixDays + UNIX_TO_SERIAL - 1 : unixDays + UNIX_TO_SERIAL;
}

/**
 * Adds whole months like Excel's EDATE: the day is kept, or clamped to the month's last day.
 * @example addMonths(serialOf 31/03/2025, -1) → serial of 28/02/2025
 */
export function addMonths(serial: number, months: number): Result<number> {
  const date = serialToDate(serial);
  if (!date) return fail(`${serial} is not a date Excel can show`);
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const result = dateToSerial(year, month, Math.min(date.day, daysInMonth(year, month)));
  if (result === null) return fail(`Moving ${formatSerial(serial)} by ${months} months falls outside 1900–9999`);
  return ok(result);
}

/** Today's serial from a clock reading, in that clock's local calendar. @example todaySerial(new Date(2025, 2, 31)) → 45747 */
export function todaySerial(now: Date): number {
  return dateToSerial(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? MAX_SERIAL;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** A serial as an en-GB date, or ISO with `style: "iso"`. @example formatSerial(45747) → "31/03/2025" */
export function formatSerial(serial: number, style: "dmy" | "iso" = "dmy"): string {
  const date = serialToDate(serial);
  if (!date) return String(serial);
  const year = String(date.year).padStart(4, "0");
  return style === "iso" ? `${year}-${pad2(date.month)}-${pad2(date.day)}` : `${pad2(date.day)}/${pad2(date.month)}/${year}`;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

// Excel's two-digit year window: 00–29 → 2000s, 30–99 → 1900s.
function fullYear(text: string): number {
  const n = Number(text);
  if (text.length > 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

const TIME = String.raw`(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AP]\.?M\.?)?)?`;
const ZONE = String.raw`(?:\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?`;
const ISO = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})${TIME}${ZONE}$`, "i");
// ISO 8601 basic form, what many ERP and open-data exports write: 20150701.
const BASIC_ISO = /^(\d{4})(\d{2})(\d{2})$/;
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})${TIME}${ZONE}$`, "i");
const DAY_NAME = String.raw`(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?`;
const DAY_MONTH_YEAR = new RegExp(
  String.raw`^${DAY_NAME}(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s.-]+([a-z]{3,9})\.?,?[\s.-]+(\d{4}|\d{2})${TIME}${ZONE}$`,
  "i",
);
const MONTH_DAY_YEAR = new RegExp(
  String.raw`^${DAY_NAME}([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}${ZONE}$`,
  "i",
);

function fromParts(year: number, month: number, day: number, text: string): Result<number> {
  const serial = dateToSerial(year, month, day);
  if (serial === null) {
    if (year < 1900 || year > 9999) return fail(`"${text}" is outside the dates Excel can show (1900–9999)`);
    return fail(`"${text}" is not a real date (no day ${day} in month ${month} of ${year})`);
  }
  return ok(serial);
}

/**
 * Reads a date written as text: ISO (`2025-03-31`, `2025-03-31T23:59:59+01:00`, read as the calendar
 * date written), ISO basic `20250331` (eight digits, year first), `31 March 2025`, `31-Mar-2025`, `March 31, 2025`, and numeric dates with `/`, `.` or
 * `-` read in the given order (dotted dates, `31.03.2025`, are day-first in every locale). A trailing time is ignored.
 * The common shapes are read by quickDateText first; the rest, and every failure's reason, by the patterns.
 * @example parseDateText("31/03/2025", "dmy") → ok(45747); parseDateText("03/31/2025", "dmy") → fail(…)
 */
export function parseDateText(input: string, order: DateOrder): Result<number> {
  const quick = quickDateText(input, order);
  return quick === quick ? ok(quick) : parseDateTextByPatterns(input, order);
}

/**
 * parseDateText by its regular expressions alone, every shape it reads: the full reader, which
 * quickDateText must agree with wherever it answers.
 * @example parseDateTextByPatterns("Monday 31 March 2025", "dmy") → ok(45747)
 */
export function parseDateTextByPatterns(input: string, order: DateOrder): Result<number> {
  const text = input.trim();
  if (text === "") return fail("The date is blank");
  let m = ISO.exec(text);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), text);
  m = BASIC_ISO.exec(text);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), text);
  m = NUMERIC.exec(text);
  if (m) {
    const first = Number(m[1]);
    const second = Number(m[3]);
    const year = fullYear(m[4]);
    // Dotted dates (31.03.2025) are day-first wherever they are written (CLDR: no locale writes
    // month.day.year), so only slash and dash dates follow the workbook's order.
    const dayFirst = order === "dmy" || m[2] === ".";
    const [day, month] = dayFirst ? [first, second] : [second, first];
    if (month > 12) {
      const which = dayFirst ? "day-first (dd/mm/yyyy)" : "month-first (mm/dd/yyyy)";
      return fail(`"${text}" has no month ${month}: this workbook reads numeric dates ${which}`);
    }
    return fromParts(year, month, day, text);
  }
  m = DAY_MONTH_YEAR.exec(text);
  if (m && MONTHS[m[2].toLowerCase()] !== undefined) {
    return fromParts(fullYear(m[3]), MONTHS[m[2].toLowerCase()], Number(m[1]), text);
  }
  m = MONTH_DAY_YEAR.exec(text);
  if (m && MONTHS[m[1].toLowerCase()] !== undefined) {
    return fromParts(Number(m[3]), MONTHS[m[1].toLowerCase()], Number(m[2]), text);
  }
  return fail(`"${text}" is not a date: use a date cell, 2025-03-31, 31/03/2025 or 31 March 2025`);
}

const SLASH = 47;
const DASH = 45;
const DOT = 46;

// The serial of a calendar date, or NaN where there is none (dateToSerial without a null to test).
function serialOrNaN(year: number, month: number, day: number): number {
  const serial = dateToSerial(year, month, day);
  return serial === null ? NaN : serial;
}

/**
 * The text dates registers hold most, read in one pass over the characters with no regular
 * expression and nothing allocated: `31/03/2025`, `31-03-25`, `31.03.2025` (numeric, in the given
 * order; dotted day-first), `2025-03-31` or `2025/3/31` (ISO) and `20250331` (ISO basic), with
 * nothing around them. NaN for anything else and for a day that does not exist: parseDateText's
 * patterns then read the other shapes and say what is wrong. Where it gives a serial it is the one
 * those patterns give (test/core/quickDates.test.ts checks every day of several centuries).
 * @example quickDateText("31/03/2025", "dmy") → 45747; quickDateText(" 31/03/2025", "dmy") → NaN
 */
export function quickDateText(text: string, order: DateOrder): number {
  const n = text.length;
  // "1/1/25" is the shortest shape read here, "31/03/2025" and "2025-03-31" the longest.
  if (n < 6 || n > 10) return NaN;
  let i = 0;
  let first = 0;
  for (let d = text.charCodeAt(i) - 48; d >= 0 && d <= 9; d = text.charCodeAt(++i) - 48) first = first * 10 + d;
  const firstLength = i;
  if (firstLength === n) return n === 8 ? serialOrNaN(Math.floor(first / 10000), Math.floor(first / 100) % 100, first % 100) : NaN;
  if (firstLength === 0) return NaN;
  const sep1 = text.charCodeAt(i++);
  const start2 = i;
  let second = 0;
  for (let d = text.charCodeAt(i) - 48; d >= 0 && d <= 9; d = text.charCodeAt(++i) - 48) second = second * 10 + d;
  const secondLength = i - start2;
  if (secondLength < 1 || secondLength > 2 || i >= n) return NaN;
  const sep2 = text.charCodeAt(i++);
  const start3 = i;
  let third = 0;
  for (let d = text.charCodeAt(i) - 48; d >= 0 && d <= 9; d = text.charCodeAt(++i) - 48) third = third * 10 + d;
  const thirdLength = i - start3;
  if (i !== n) return NaN;
  if (firstLength === 4) {
    // ISO: year first; each separator a dash or a slash, as the ISO pattern allows.
    if ((sep1 !== DASH && sep1 !== SLASH) || (sep2 !== DASH && sep2 !== SLASH) || thirdLength < 1 || thirdLength > 2) return NaN;
    return serialOrNaN(first, second, third);
  }
  if (firstLength > 2 || sep1 !== sep2 || (sep1 !== SLASH && sep1 !== DASH && sep1 !== DOT) || (thirdLength !== 2 && thirdLength !== 4)) return NaN;
  // Excel's two-digit year window, as fullYear: 00–29 → 2000s, 30–99 → 1900s.
  const year = thirdLength === 4 ? third : third < 30 ? 2000 + third : 1900 + third;
  return order === "dmy" || sep1 === DOT ? serialOrNaN(year, second, first) : serialOrNaN(year, first, second);
}

/**
 * What a numeric text date proves about its column's order: `25/03/2015` can only be day-first.
 * @example dateOrderEvidence("25/03/2015") → "dmy"; dateOrderEvidence("03/25/2015") → "mdy"; dateOrderEvidence("03/04/2015") → null
 */
export function dateOrderEvidence(input: string): DateOrder | null {
  const m = NUMERIC.exec(input.trim());
  // A dotted date is day-first in every locale: it says nothing of how the slash dates read.
  if (!m || m[2] === ".") return null;
  const first = Number(m[1]);
  const second = Number(m[3]);
  if (first > 12 && second <= 12) return "dmy";
  if (second > 12 && first <= 12) return "mdy";
  return null;
}

const EPOCH_1904 = dateToSerial(1904, 1, 1) ?? 0;
const EPOCH_1904_DAY_1 = dateToSerial(1904, 1, 2) ?? 0;
const UNIX_EPOCH = dateToSerial(1970, 1, 1) ?? 0;
const Y2K = dateToSerial(2000, 1, 1) ?? 0;
const PLACEHOLDERS: ReadonlyMap<number, string> = new Map([
  // Serials 0 and 1 of a workbook in the 1904 date system (Excel for Mac's old default).
  [EPOCH_1904, "01/01/1904 is the zero date of Excel's 1904 date system: it stands in for an unknown date"],
  [EPOCH_1904_DAY_1, "02/01/1904 is day 1 of Excel's 1904 date system: it stands in for an unknown date"],
  [UNIX_EPOCH, "01/01/1970 is the Unix epoch, a common stand-in for an unknown date"],
  [Y2K, "01/01/2000 is a common stand-in for an unknown date"],
]);
const FAR_FUTURE = dateToSerial(2099, 12, 31) ?? MAX_SERIAL;
const END_OF_1900 = dateToSerial(1900, 12, 31) ?? 0;

/**
 * The stand-in rule of placeholderReason as bounds and single serials, for a formula that must judge
 * a date cell the same way (a native tracker's columns): a serial is a stand-in when it is at most
 * `lastOf1900`, at least `farFuture`, or one of `single`.
 * @example STAND_IN_SERIALS.farFuture → 73050 (31/12/2099)
 */
export const STAND_IN_SERIALS: { readonly lastOf1900: number; readonly farFuture: number; readonly single: readonly number[] } = {
  lastOf1900: END_OF_1900,
  farFuture: FAR_FUTURE,
  single: [...PLACEHOLDERS.keys()],
};

/**
 * Whether a whole serial is a placeholder (placeholderReason is not null), without its words: end
 * dates are checked over whole columns. @example isPlaceholderDate(73050) → true; isPlaceholderDate(45747) → false
 */
export function isPlaceholderDate(serial: number): boolean {
  if (serial <= END_OF_1900 || serial >= FAR_FUTURE) return true;
  // Compared one by one: a Map lookup a cell cost more than the rest of reading a date cell.
  return serial === EPOCH_1904 || serial === EPOCH_1904_DAY_1 || serial === UNIX_EPOCH || serial === Y2K;
}

/**
 * Why a date looks like a placeholder rather than a real date, or null if it looks real.
 * @example placeholderReason(1) → "01/01/1900 is Excel's zero date…"; placeholderReason(45747) → null
 */
export function placeholderReason(serial: number): string | null {
  if (serial <= END_OF_1900) return `${formatSerial(serial)} is in 1900, Excel's zero date: it stands in for an unknown date`;
  if (serial >= FAR_FUTURE) return `${formatSerial(serial)} is on or after 31/12/2099: a far-future stand-in for "no end date"`;
  return PLACEHOLDERS.get(serial) ?? null;
}
