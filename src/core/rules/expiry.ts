import { addMonths, dateToSerial, daysInMonth, isValidSerial, serialToDate } from "../dates";
import { dateInWords } from "../dateWords";
import type { Extension } from "../extensionOptions";
import type { Period } from "../periods";
import { Result, fail, ok } from "../result";

/** Whole days from `asOf` to `endDate`; negative once expired. @example daysToExpiry(45747, 45702) → 45 */
export function daysToExpiry(endDate: number, asOf: number): number {
  return endDate - asOf;
}

/**
 * The last day to give notice: the end date minus the notice period, months counted like EDATE.
 * @example noticeDate(serial 31/03/2025, { unit: "months", amount: 1 }) → ok(serial 28/02/2025)
 */
export function noticeDate(endDate: number, period: Period): Result<number> {
  if (period.unit === "months") return addMonths(endDate, -period.amount);
  const result = endDate - period.amount;
  if (!isValidSerial(result)) return fail(`A notice period of ${period.amount} days before ${dateInWords(endDate)} falls before 1900`);
  return ok(result);
}

/** Days left until the notice date; negative once missed. @example daysToNotice(45747, {unit:"days",amount:90}, 45600) → 57 */
export function daysToNotice(endDate: number, period: Period, asOf: number): Result<number> {
  const notice = noticeDate(endDate, period);
  return notice.ok ? ok(notice.value - asOf) : notice;
}

/**
 * The last day of a term of `months` months that starts the day after `endDate`: the day before
 * the corresponding date `months` on, or — where that month has no corresponding date (a term from
 * 29, 30 or 31 January into February) — the month's last day (the corresponding date rule of UK
 * case law on calendar months, Dodds v Walker [1981] 1 WLR 1441).
 */
function monthsFromDayAfter(endDate: number, months: number): Result<number> {
  const start = serialToDate(endDate + 1);
  if (!start) return fail(`${endDate} is not a date Excel can show`);
  const index = start.year * 12 + (start.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = daysInMonth(year, month);
  const result = start.day > last ? dateToSerial(year, month, last) : (dateToSerial(year, month, start.day) ?? NaN) - 1;
  return result === null || !isValidSerial(result) ? fail(`Moving ${dateInWords(endDate)} by ${months} months falls outside 1900–9999`) : ok(result);
}

/**
 * The end date if every optional extension is taken. An extension of N months is a further term
 * that starts the day after the current end date and ends the day before the same date N months
 * later, as a contract's term runs: so an end on the last day of a month moves to the last day of
 * a month (30/09/2025 + 3 months → 31/12/2025; 28/02/2027 + 1 year → 29/02/2028), and any other
 * day keeps its day of the month, as EDATE does (15/03/2025 + 1 month → 15/04/2025). Days are
 * added after the months.
 * @example finalExpiry(serial 30/09/2025, { months: 3, days: 0 }) → ok(serial 31/12/2025)
 */
export function finalExpiry(endDate: number, extension: Extension): Result<number> {
  const moved = extension.months === 0 ? ok(endDate) : monthsFromDayAfter(endDate, extension.months);
  if (!moved.ok) return fail(`Extending ${dateInWords(endDate)} goes past 31 Dec 9999`);
  const result = moved.value + extension.days;
  if (!isValidSerial(result)) return fail(`Extending ${dateInWords(endDate)} goes past 31 Dec 9999`);
  return ok(result);
}
