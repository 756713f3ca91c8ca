import { formatCount } from "../format";

/** Days from the as-of date in words. @example inDays(3, "en-GB") → "in 3 days"; inDays(-1, "en-GB") → "yesterday" */
export function inDays(days: number, locale: string): string {
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  return days > 0 ? `in ${formatCount(days, locale)} days` : `${formatCount(-days, locale)} days ago`;
}

/** Days late (+) or early (−) in words. @example lateness(12, "en-GB") → "12 days late" */
export function lateness(days: number, locale: string): string {
  if (days === 0) return "on time";
  const n = Math.abs(days);
  return `${formatCount(n, locale)} ${n === 1 ? "day" : "days"} ${days > 0 ? "late" : "early"}`;
}

/** A fraction as a percentage, e.g. KPI attainment. @example percent(0.975, "en-GB") → "97.5%" */
export function percent(fraction: number, locale: string): string {
  return fraction.toLocaleString(locale, { style: "percent", maximumFractionDigits: 1 });
}
