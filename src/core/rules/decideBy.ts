/**
 * Decide-by dates: the day by which a contract manager must decide whether to extend a contract or
 * re-procure it, so a replacement can be bought before the contract ends.
 *
 * Source: the UK government's Contract Management Guidance (Cabinet Office, Government Commercial
 * Function), exit phase: plan the end of a contract early, because the procurement of a replacement
 * for a complex contract can take 18 months or more; leaving the decision late limits the options
 * to an extension of the status quo. Settings hold the lead time per tier (`lead_time_gold_days`
 * 540 = 18 months, `lead_time_silver_days` 270, `lead_time_bronze_days` 120,
 * `lead_time_default_days` 180 for a contract with no tier: its exit window), so a team sets its own.
 */
import { formatSerial, isValidSerial } from "../dates";
import { Result, fail, ok } from "../result";
import type { TrackerSettings } from "../settings";
import type { Tier } from "./escalation";

/**
 * The re-procurement lead time of a tier, in days, from Settings; a contract with no tier takes
 * `lead_time_default_days`.
 * @example leadTimeDays("Gold", DEFAULT_SETTINGS) → 540; leadTimeDays(null, DEFAULT_SETTINGS) → 180
 */
export function leadTimeDays(tier: Tier | null, settings: Pick<TrackerSettings, "leadTimeGoldDays" | "leadTimeSilverDays" | "leadTimeBronzeDays" | "leadTimeDefaultDays">): number {
  switch (tier) {
    case "Gold":
      return settings.leadTimeGoldDays;
    case "Silver":
      return settings.leadTimeSilverDays;
    case "Bronze":
      return settings.leadTimeBronzeDays;
    default:
      return settings.leadTimeDefaultDays;
  }
}

/**
 * The decide-by date (an Excel serial): the current end date, or the notice date where notice must
 * be given earlier, less the lead time in days. It is about the current end date, not the final
 * expiry: the decision is whether to take the extension or re-procure. Fails when the result would
 * fall before 1900.
 * @example decideBy(46966, null, 366) → ok(46600): an end on 1 Aug 2028 with a year's lead time, 1 Aug 2027
 * @example decideBy(46966, 46874, 274) → ok(46600): notice by 1 May 2028, 274 days' lead time, 1 Aug 2027
 */
export function decideBy(endDate: number, noticeDate: number | null, leadDays: number): Result<number> {
  const date = decideBySerial(endDate, noticeDate, leadDays);
  if (date !== date) return fail(`A lead time of ${leadDays} days before ${formatSerial(noticeDate !== null && noticeDate < endDate ? noticeDate : endDate)} falls before 1900`);
  return ok(date);
}

/**
 * decideBy as a bare serial, NaN where it would fall before 1900: for the engine, which works it
 * out for every contract of a portfolio and needs no reason.
 * @example decideBySerial(46966, null, 366) → 46600
 */
export function decideBySerial(endDate: number, noticeDate: number | null, leadDays: number): number {
  const from = noticeDate !== null && noticeDate < endDate ? noticeDate : endDate;
  const date = from - Math.round(leadDays);
  return isValidSerial(date) ? date : Number.NaN;
}

/**
 * How a decide-by date weighs in a contract's RAG: Amber once it has passed with the contract still
 * running, Red from the notice date on (inside the notice period there is no time left to decide).
 * Null while it has not passed, and for a contract that has ended (its expiry says that).
 * @example decideByStatus(-21, 40, 100) → "Amber"; decideByStatus(-21, 0, 30) → "Red"; decideByStatus(5, 40, 100) → null
 */
export function decideByStatus(daysToDecide: number | null, daysToNotice: number | null, daysToExpiry: number | null): "Red" | "Amber" | null {
  if (daysToDecide === null || daysToDecide >= 0) return null;
  if (daysToExpiry !== null && daysToExpiry < 0) return null;
  return daysToNotice !== null && daysToNotice <= 0 ? "Red" : "Amber";
}
