import { addMonths, formatSerial, isValidSerial } from "../dates";
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
  if (!isValidSerial(result)) return fail(`A notice period of ${period.amount} days before ${formatSerial(endDate)} falls before 1900`);
  return ok(result);
}

/** Days left until the notice date; negative once missed. @example daysToNotice(45747, {unit:"days",amount:90}, 45600) → 57 */
export function daysToNotice(endDate: number, period: Period, asOf: number): Result<number> {
  const notice = noticeDate(endDate, period);
  return notice.ok ? ok(notice.value - asOf) : notice;
}

/**
 * The end date if every optional extension is taken.
 * @example finalExpiry(serial 31/03/2025, { months: 24, days: 0 }) → ok(serial 31/03/2027)
 */
export function finalExpiry(endDate: number, extension: Extension): Result<number> {
  const moved = addMonths(endDate, extension.months);
  if (!moved.ok) return moved;
  const result = moved.value + extension.days;
  if (!isValidSerial(result)) return fail(`Extending ${formatSerial(endDate)} goes past 31/12/9999`);
  return ok(result);
}
