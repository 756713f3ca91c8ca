import { serialToDate } from "../core/dates";

const FALLBACK_LOCALE = "en-GB";

/** The locale to format in: the host's display language when the browser knows it, else en-GB. @example paneLocale("") → "en-GB" */
export function paneLocale(locale: string | undefined | null): string {
  if (!locale) return FALLBACK_LOCALE;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 ? locale : FALLBACK_LOCALE;
  } catch {
    return FALLBACK_LOCALE;
  }
}

/** An Excel serial as a date in the locale: long ("25 November 2026") or short ("25/11/2026"). */
export function formatDate(serial: number | null, locale: string, style: "long" | "short" = "short"): string {
  if (serial === null) return "";
  const date = serialToDate(serial);
  if (!date) return String(serial);
  const options: Intl.DateTimeFormatOptions = style === "long" ? { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" } : { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" };
  return new Intl.DateTimeFormat(locale, options).format(new Date(Date.UTC(date.year, date.month - 1, date.day)));
}

/** A whole number with the locale's grouping. @example formatCount(12345, "en-GB") → "12,345" */
export function formatCount(n: number, locale: string): string {
  return n.toLocaleString(locale, { maximumFractionDigits: 0 });
}

/** A sum of money without a currency sign (registers mix currencies), grouped, whole units. */
export function formatMoney(n: number, locale: string): string {
  return n.toLocaleString(locale, { maximumFractionDigits: 0 });
}

/** "1 contract", "3 contracts". */
export function plural(n: number, one: string, locale: string, many = `${one}s`): string {
  return `${formatCount(n, locale)} ${n === 1 ? one : many}`;
}

export { columnLetters } from "../core/cellRefs";

/** The message of anything thrown, as a sentence without a trailing full stop. */
export function messageOf(error: unknown): string {
  const text = error instanceof Error && error.message ? error.message : String(error);
  return text.trim().replace(/\.$/, "");
}
