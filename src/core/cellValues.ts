import { DateOrder, MAX_SERIAL, dateToSerial, parseDateText, quickDateText } from "./dates";
import { Result, fail, ok } from "./result";

/** Whether a cell holds nothing a person would call a value. @example isBlankCell("  ") → true */
export function isBlankCell(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** How a value reads in a message: text quoted, TRUE/FALSE as Excel shows them. */
export function describeCell(value: unknown): string {
  if (typeof value === "string") return `"${value.length > 60 ? `${value.slice(0, 57)}…` : value}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

// One shared "not known" result: these readers run once per cell over columns of 100,000 rows.
const BLANK: Result<null> = Object.freeze({ ok: true, value: null }) as Result<null>;

/**
 * A cell as a whole-day serial: date serials (a time of day is dropped), numbers past the last
 * serial that are dates written year first (20150701), text dates, JS Dates (read as their UTC
 * calendar date, as file readers give them). Blank and 0 — what a formula
 * shows for a blank cell — are null: not known.
 * @example readDateCell("31 March 2025", "dmy") → ok(45747); readDateCell("", "dmy") → ok(null)
 */
export function readDateCell(value: unknown, order: DateOrder, what = "date"): Result<number | null> {
  if (typeof value === "number") {
    if (value > 0 && value <= MAX_SERIAL) return ok(Math.floor(value));
    if (value === 0) return BLANK;
    if (!Number.isFinite(value) || value < 0) return fail(`The ${what} ${describeCell(value)} is not a date`);
    // Past the last serial a whole number can only be a date written year first: 20150701.
    if (Number.isInteger(value) && value >= 1e7 && value < 1e8) {
      const basic = parseDateText(String(value), order);
      return basic.ok ? basic : fail(`The ${what} ${basic.error.charAt(0).toLowerCase()}${basic.error.slice(1)}`);
    }
    return fail(`The ${what} ${value} is after 31/12/9999, the last date Excel can show`);
  }
  if (isBlankCell(value)) return BLANK;
  if (typeof value === "string") {
    const parsed = parseDateText(value, order);
    return parsed.ok ? parsed : fail(`The ${what} ${parsed.error.charAt(0).toLowerCase()}${parsed.error.slice(1)}`);
  }
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const serial = dateToSerial(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    return serial === null ? fail(`The ${what} ${value.toISOString().slice(0, 10)} is outside 1900–9999`) : ok(serial);
  }
  return fail(`The ${what} ${describeCell(value)} is not a date`);
}

/** What readDateSerial gives for a blank cell: no serial is negative, and 0 is a time on Excel's day 0. */
export const BLANK_DATE = -1;

/**
 * readDateCell as a bare number, for readers of whole columns: the whole-day serial, BLANK_DATE (-1)
 * when the cell is blank (not known), NaN when it is not a date (readDateCell then gives the reason).
 * Date serials and the common text shapes (core/dates quickDateText) are read without building a
 * Result; anything else goes through readDateCell itself, so the two always agree.
 * @example readDateSerial("31/03/2025", "dmy") → 45747; readDateSerial("", "dmy") → -1; readDateSerial("TBC", "dmy") → NaN
 */
export function readDateSerial(value: unknown, order: DateOrder): number {
  if (typeof value === "number") {
    if (value > 0 && value <= MAX_SERIAL) return Math.floor(value);
    if (value === 0) return BLANK_DATE;
  } else if (typeof value === "string") {
    if (value === "") return BLANK_DATE;
    const quick = quickDateText(value, order);
    if (quick === quick) return quick;
  } else if (value === null || value === undefined) return BLANK_DATE;
  const full = readDateCell(value, order);
  return full.ok ? (full.value ?? BLANK_DATE) : NaN;
}

/**
 * A cell as a number: numbers, and text such as `45`, `1,200` or `95%` (a fraction). Blank is null.
 * @example readNumberCell("95%", "KPI attainment") → ok(0.95)
 */
export function readNumberCell(value: unknown, what: string): Result<number | null> {
  if (typeof value === "number") return Number.isFinite(value) ? ok(value) : fail(`The ${what} is not a finite number`);
  if (isBlankCell(value)) return BLANK;
  if (typeof value === "string") {
    const text = value.trim().replace(/,/g, "");
    const isPercent = text.endsWith("%");
    const n = Number(isPercent ? text.slice(0, -1).trim() : text);
    if (text !== "" && Number.isFinite(n)) return ok(isPercent ? n / 100 : n);
  }
  return fail(`The ${what} ${describeCell(value)} is not a number`);
}

/**
 * A cell as a whole number of days: numbers are rounded to the nearest day.
 * @example readDaysCell(12.4, "slippage") → ok(12)
 */
export function readDaysCell(value: unknown, what: string): Result<number | null> {
  if (typeof value === "number" && Number.isFinite(value)) return ok(Math.round(value));
  const n = readNumberCell(value, what);
  return n.ok && n.value !== null ? ok(Math.round(n.value)) : n;
}

/** A cell as trimmed text, or null when blank. @example readTextCell(" Gold ") → "Gold" */
export function readTextCell(value: unknown): string | null {
  if (isBlankCell(value)) return null;
  return typeof value === "string" ? value.trim() : String(value);
}
